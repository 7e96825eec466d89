using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Logs;
using RideHailer.Skill;
using RideHailer.Skill.Telemetry;

var builder = FunctionsApplication.CreateBuilder(args);

builder.ConfigureFunctionsWebApplication();

builder.Services.AddRideHailerSkill(builder.Configuration);

// Logs, traces and the RideHailer meter go to Application Insights through OpenTelemetry, wherever the app has
// one (Azure sets the connection string); a local `func start` without it logs to the console only.
if (!string.IsNullOrWhiteSpace(builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
{
    var authentication = ApplicationInsightsAuthentication.Parse(builder.Configuration[ApplicationInsightsAuthentication.SettingName]);
    builder.Services.AddOpenTelemetry()
        .UseFunctionsWorkerDefaults()
        .WithMetrics(metrics => metrics.AddMeter(RideHailerMetrics.MeterName))
        .UseAzureMonitorExporter(options =>
        {
            options.Credential = authentication?.CreateCredential();

            // A skill's traffic is small and every turn is someone waiting: keep every trace, and so every log
            // line correlated with one (the exporter's default keeps 5 traces a second).
            options.TracesPerSecond = null;
            options.SamplingRatio = 1.0F;
        });

    // The request's RequestId and SessionInstanceId scope becomes customDimensions on every log line.
    builder.Services.Configure<OpenTelemetryLoggerOptions>(options => options.IncludeScopes = true);
}

builder.Build().Run();
