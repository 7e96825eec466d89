#!/usr/bin/env python3
"""Sorts the running samples of a dotnet-trace speedscope file (profile dotnet-sampled-thread-time) into the parts of
a turn. A sample counts where its stack's frame nearest the leaf matches a rule (first rule in order); samples of
threads that wait are left out (their leaf is UNMANAGED_CODE_TIME). Cryptography counts for its caller (the Alexa
verifier, or the storage client signing each request with its shared key). Usage: profile_classify.py FILE [TURNS]
[--other N]: with --other, the N frames most often in the samples no rule matched, to see what "other" is."""
import json,sys,collections,re
d=json.load(open(sys.argv[1]))
frames=[f['name'] for f in d['shared']['frames']]
stacks=collections.Counter()
for p in d['profiles']:
    st=[]; last=None
    for e in p['events']:
        t=e['at']
        if st and last is not None and t>last: stacks[tuple(st)]+=t-last
        if e['type']=='O': st.append(e['frame'])
        else:
            while st and st.pop()!=e['frame']: pass
        last=t
RULES=[ # (category, regex) checked leaf -> root; first match wins
 ('thread pool: idle spinning', r'LowLevelLifoSemaphore|LowLevelSpinWaiter|PortableThreadPool\+GateThread'),
 ('GC (allocation pauses)', r'PollGC|GCHeap|GarbageCollect'),
 ('JSON (de)serialization', r'System\.Text\.Json|JsonDataConverter|Newtonsoft'),
 ('protobuf', r'Google\.Protobuf'),
 ('Alexa verification (RSA, SHA-256, chain)', r'Alexa\.Verify'),
 ('Alexa parse / render (ours)', r'RideHailer\.Skill\.Alexa\.(Read|Render|Enrich)|RideHailer\.Skill\.Speech'),
 ('Domain decisions (ours)', r'RideHailer\.Domain'),
 ('orchestration code and replay (SessionOrchestration, DurableTask.Core executor)', r'TaskOrchestrationExecutor|DurableTask\.Worker\.Shims|RideHailer\.Skill\.Workflow\.(SessionOrchestration|TurnInbox|RideOrchestration)|TaskOrchestrationContext'),
 ('activities (ours)', r'RideHailer\.Skill\.Workflow\..*Activity|RideHailer\.Skill\.(Rides|Places|Storage)'),
 ('reply wait and edge routing (ours)', r'RideHailer\.Skill\.Workflow\.(SessionRouter|TurnAdmission)|RideHailer\.DevHost\.(CommittedStateSignal|ReplyWait|SidecarChannel)|RideHailer\.Skill\.SkillEndpoint|RideHailer\.Skill\.AlexaHttpEndpoint'),
 ('gRPC and HTTP/2 between worker, client and sidecar', r'Grpc\.|Http2|System\.Net\.Http'),
 ('durable backend (sidecar engine: in-memory or DurableTask.AzureStorage, Azure SDK)', r'DurableTask\.Testing|DurableTask\.AzureStorage|DurableTask\.Core|Azure\.Storage|Azure\.Data\.Tables|Azure\.Core|RideHailer\.DevHost\.(DurableSidecar|SaveReporting)'),
 ('Durable Task client and worker (Microsoft.DurableTask)', r'Microsoft\.DurableTask'),
 ('HTTP/1.1 edge (Kestrel, routing, hosting)', r'Microsoft\.AspNetCore'),
 ('sockets and I/O', r'System\.Net\.Sockets|System\.IO\.Pipelines'),
 ('logging', r'Microsoft\.Extensions\.Logging'),
]
RULES=[(c,re.compile(r)) for c,r in RULES]
args=sys.argv[2:]
show_other=int(args[args.index('--other')+1]) if '--other' in args else 0
if '--other' in args: del args[args.index('--other'):args.index('--other')+2]
cat=collections.Counter(); other=collections.Counter(); tot=0
for s,dt in stacks.items():
    if frames[s[-1]]!='CPU_TIME': continue
    tot+=dt; names=[frames[f] for f in s]
    for n in reversed(names):
        hit=next((c for c,r in RULES if r.search(n)),None)
        if hit: cat[hit]+=dt; break
    else:
        cat['other (runtime, async machinery, JIT)']+=dt
        for n in set(names): other[n]+=dt
turns=float(args[0]) if args else None
busy=tot-cat['thread pool: idle spinning']
print("| part of the turn | share of running samples | share without idle spinning | ms per turn |" if turns else "| part of the turn | share of running samples | share without idle spinning |")
print("|---|---:|---:|---:|" if turns else "|---|---:|---:|")
summary=f"Running samples: {tot:.0f} thread-ms, {busy:.0f} without idle spinning" + (f"; {busy/turns:.2f} ms per turn over {turns:.0f} turns" if turns else "")
for c,v in cat.most_common():
    print(f"| {c} | {100*v/tot:.1f} % |" + (f" {100*v/busy:.1f} % |" if c!='thread pool: idle spinning' else " |") + (f" {v/turns:.2f} |" if turns else ""))
print()
print(summary)
if show_other:
    print()
    print("Frames most often in the samples no rule matched (thread-ms):")
    for n,v in other.most_common(show_other): print(f"  {v:8.0f}  {n}")
