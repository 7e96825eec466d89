using RideHailer.Domain.Places;

namespace RideHailer.Skill.Places;

/// <summary>
/// The built-in places: landmarks of the main city of each marketplace the skill serves (Seattle, London, Toronto,
/// Sydney, Mumbai, Berlin) and a few in other US and Canadian cities. Ids are stable: the interaction model's slot
/// values are checked against them, so rename a place by adding an alias, never by changing its id. Every name and
/// alias is unique across the whole catalog (a generic alias such as "the airport" belongs to Seattle's airport, as it
/// always has): each city's places carry their own ("heathrow", "pearson airport").
/// <para>
/// A place carries what a German speaker calls it wherever that is more than its English name (<see cref="German"/>,
/// <see cref="AlsoInGerman"/>): its German name where German has one ("Flughafen Heathrow", "Tower von London",
/// "Brandenburger Tor"), which German replies say and the de-DE model resolves to the same id, and the other names
/// German riders use. A landmark German knows by its English name keeps it ("Space Needle", "London Eye"). Generic
/// German words are Berlin's, de-DE's main city ("Hauptbahnhof", "Flughafen"), as "the airport" is Seattle's. Help names a landmark and the airport of the rider's city as examples
/// (<see cref="Markets"/>), by the short name riders use where that is not the spoken name (<see cref="Short"/>).
/// </para>
/// </summary>
internal static class KnownPlaces
{
    /// <summary>The language key of German names ("de").</summary>
    public const string GermanLanguage = "de";

    public static IReadOnlyList<Place> All { get; } =
    [
        Seattle("space-needle", "Space Needle", "the Space Needle", 47.6205, -122.3493, "needle", "the needle"),
        Seattle("pike-place-market", "Pike Place Market", "Pike Place Market", 47.6097, -122.3422,
            "pike place", "pike market", "the public market", "the market"),
        Seattle("seattle-tacoma-international-airport", "Seattle-Tacoma International Airport",
            "Seattle-Tacoma International Airport", 47.4502, -122.3088,
            "the airport", "sea tac", "seatac", "sea tac airport", "seattle airport")
            .Short("the airport").German("Flughafen Seattle-Tacoma", "Flughafen Seattle", "Flughafen Sea-Tac"),
        Seattle("museum-of-pop-culture", "Museum of Pop Culture", "the Museum of Pop Culture", 47.6215, -122.3481,
            "mopop", "mo pop", "pop culture museum", "emp museum").AlsoInGerman("Museum für Popkultur"),
        Seattle("lumen-field", "Lumen Field", "Lumen Field", 47.5952, -122.3316,
            "seahawks stadium", "the seahawks stadium", "centurylink field", "qwest field").AlsoInGerman("Seahawks-Stadion"),
        Seattle("t-mobile-park", "T-Mobile Park", "T-Mobile Park", 47.5914, -122.3325,
            "mariners stadium", "the ballpark", "safeco field").AlsoInGerman("Mariners-Stadion"),
        Seattle("university-of-washington", "University of Washington", "the University of Washington", 47.6553, -122.3035,
            "u w", "u dub", "husky stadium").AlsoInGerman("Universität Washington", "Universität von Washington"),
        Seattle("chihuly-garden-and-glass", "Chihuly Garden and Glass", "Chihuly Garden and Glass", 47.6206, -122.3505,
            "chihuly", "the chihuly museum", "chihuly glass museum"),
        Seattle("seattle-aquarium", "Seattle Aquarium", "the Seattle Aquarium", 47.6076, -122.3430, "the aquarium")
            .AlsoInGerman("Aquarium von Seattle"),
        Seattle("kerry-park", "Kerry Park", "Kerry Park", 47.6295, -122.3600, "kerry park viewpoint"),
        Seattle("woodland-park-zoo", "Woodland Park Zoo", "Woodland Park Zoo", 47.6685, -122.3503, "the zoo", "woodland park"),
        Seattle("amazon-spheres", "Amazon Spheres", "the Amazon Spheres", 47.6156, -122.3395, "the spheres"),
        Seattle("seattle-central-library", "Seattle Central Library", "the Seattle Central Library", 47.6067, -122.3325,
            "the central library", "the downtown library").AlsoInGerman("Zentralbibliothek Seattle", "Stadtbibliothek Seattle"),
        Seattle("climate-pledge-arena", "Climate Pledge Arena", "Climate Pledge Arena", 47.6221, -122.3540, "key arena"),
        Seattle("seattle-great-wheel", "Seattle Great Wheel", "the Seattle Great Wheel", 47.6061, -122.3425,
            "the great wheel", "the ferris wheel").AlsoInGerman("Riesenrad von Seattle"),
        Seattle("king-street-station", "King Street Station", "King Street Station", 47.5983, -122.3301,
            "the train station", "amtrak station"),
        new Place("golden-gate-bridge", "Golden Gate Bridge", "the Golden Gate Bridge", new(37.8199, -122.4783), "San Francisco",
            ["the golden gate"]),
        new Place("fishermans-wharf", "Fisherman's Wharf", "Fisherman's Wharf", new(37.8080, -122.4177), "San Francisco", []),
        new Place("statue-of-liberty", "Statue of Liberty", "the Statue of Liberty", new(40.6892, -74.0445), "New York",
            ["lady liberty", "liberty island"]).German("Freiheitsstatue"),
        new Place("empire-state-building", "Empire State Building", "the Empire State Building", new(40.7484, -73.9857), "New York",
            ["empire state"]),
        new Place("pioneer-courthouse-square", "Pioneer Courthouse Square", "Pioneer Courthouse Square", new(45.5189, -122.6793),
            "Portland", ["portland's living room"]),
        new Place("stanley-park", "Stanley Park", "Stanley Park", new(49.3017, -123.1417), "Vancouver", []),

        London("tower-of-london", "Tower of London", "the Tower of London", 51.5081, -0.0759, "the tower")
            .German("Tower von London", "Londoner Tower"),
        London("big-ben", "Big Ben", "Big Ben", 51.5007, -0.1246,
            "elizabeth tower", "the houses of parliament", "palace of westminster")
            .AlsoInGerman("Palast von Westminster", "Westminster-Palast", "Parlamentsgebäude"),
        London("buckingham-palace", "Buckingham Palace", "Buckingham Palace", 51.5014, -0.1419, "the palace")
            .AlsoInGerman("Buckingham-Palast"),
        London("london-eye", "London Eye", "the London Eye", 51.5033, -0.1196, "the eye", "the millennium wheel")
            .AlsoInGerman("Londoner Riesenrad"),
        London("british-museum", "British Museum", "the British Museum", 51.5194, -0.1270).AlsoInGerman("Britisches Museum"),
        London("trafalgar-square", "Trafalgar Square", "Trafalgar Square", 51.5080, -0.1281, "nelson's column")
            .AlsoInGerman("Nelsonsäule"),
        London("tower-bridge", "Tower Bridge", "Tower Bridge", 51.5055, -0.0754),
        London("st-pauls-cathedral", "St Paul's Cathedral", "St Paul's Cathedral", 51.5138, -0.0984,
            "st pauls", "saint paul's cathedral").AlsoInGerman("St.-Pauls-Kathedrale", "Sankt-Pauls-Kathedrale", "Paulskathedrale"),
        London("heathrow-airport", "Heathrow Airport", "Heathrow Airport", 51.4700, -0.4543,
            "heathrow", "london heathrow", "london heathrow airport")
            .Short("Heathrow").German("Flughafen Heathrow", "Flughafen London Heathrow", "Flughafen London"),
        London("kings-cross-station", "King's Cross Station", "King's Cross Station", 51.5308, -0.1238, "kings cross")
            .German("Bahnhof King's Cross"),
        London("natural-history-museum", "Natural History Museum", "the Natural History Museum", 51.4967, -0.1764)
            .AlsoInGerman("Naturhistorisches Museum London", "Naturkundemuseum London"),
        London("hyde-park", "Hyde Park", "Hyde Park", 51.5073, -0.1657),
        London("westminster-abbey", "Westminster Abbey", "Westminster Abbey", 51.4993, -0.1273).AlsoInGerman("Westminster-Abtei"),
        London("the-shard", "The Shard", "the Shard", 51.5045, -0.0865, "london bridge tower"),

        Toronto("cn-tower", "CN Tower", "the CN Tower", 43.6426, -79.3871),
        Toronto("royal-ontario-museum", "Royal Ontario Museum", "the Royal Ontario Museum", 43.6677, -79.3948, "the rom"),
        Toronto("union-station", "Union Station", "Union Station", 43.6453, -79.3806, "toronto union station")
            .AlsoInGerman("Hauptbahnhof Toronto", "Bahnhof Union Station"),
        Toronto("toronto-pearson-international-airport", "Toronto Pearson International Airport",
            "Toronto Pearson International Airport", 43.6777, -79.6248,
            "pearson", "pearson airport", "toronto pearson", "toronto airport")
            .Short("Pearson airport").German("Flughafen Toronto Pearson", "Flughafen Toronto", "Flughafen Pearson"),
        Toronto("st-lawrence-market", "St. Lawrence Market", "St. Lawrence Market", 43.6487, -79.3716, "saint lawrence market"),
        Toronto("rogers-centre", "Rogers Centre", "the Rogers Centre", 43.6414, -79.3894, "the skydome", "blue jays stadium"),
        Toronto("scotiabank-arena", "Scotiabank Arena", "Scotiabank Arena", 43.6435, -79.3791, "air canada centre"),
        Toronto("casa-loma", "Casa Loma", "Casa Loma", 43.6780, -79.4094),
        Toronto("distillery-district", "Distillery District", "the Distillery District", 43.6503, -79.3596, "the distillery"),
        Toronto("ripleys-aquarium-of-canada", "Ripley's Aquarium of Canada", "Ripley's Aquarium of Canada", 43.6424, -79.3860,
            "ripley's aquarium"),
        Toronto("nathan-phillips-square", "Nathan Phillips Square", "Nathan Phillips Square", 43.6525, -79.3835,
            "toronto city hall").AlsoInGerman("Rathaus Toronto"),
        Toronto("art-gallery-of-ontario", "Art Gallery of Ontario", "the Art Gallery of Ontario", 43.6536, -79.3925, "the a g o")
            .AlsoInGerman("Kunstmuseum Ontario"),
        Toronto("high-park", "High Park", "High Park", 43.6465, -79.4637),
        Toronto("eaton-centre", "CF Toronto Eaton Centre", "the Eaton Centre", 43.6544, -79.3807, "eaton center"),

        Sydney("sydney-opera-house", "Sydney Opera House", "the Sydney Opera House", -33.8568, 151.2153, "the opera house")
            .German("Opernhaus Sydney", "Oper von Sydney", "Opernhaus von Sydney", "Sydney-Oper"),
        Sydney("sydney-harbour-bridge", "Sydney Harbour Bridge", "the Sydney Harbour Bridge", -33.8523, 151.2108,
            "the harbour bridge", "the harbor bridge", "the coathanger").AlsoInGerman("Hafenbrücke Sydney", "Hafenbrücke von Sydney"),
        Sydney("bondi-beach", "Bondi Beach", "Bondi Beach", -33.8908, 151.2743, "bondi").AlsoInGerman("Bondi-Strand"),
        Sydney("sydney-airport", "Sydney Airport", "Sydney Airport", -33.9399, 151.1753,
            "kingsford smith airport", "sydney kingsford smith airport", "mascot airport")
            .German("Flughafen Sydney", "Flughafen Sydney Kingsford Smith", "Flughafen Kingsford Smith"),
        Sydney("taronga-zoo", "Taronga Zoo", "Taronga Zoo", -33.8435, 151.2413, "taronga"),
        Sydney("darling-harbour", "Darling Harbour", "Darling Harbour", -33.8748, 151.1987, "darling harbor"),
        Sydney("the-rocks", "The Rocks", "the Rocks", -33.8599, 151.2090),
        Sydney("royal-botanic-garden-sydney", "Royal Botanic Garden Sydney", "the Royal Botanic Garden", -33.8642, 151.2166,
            "the botanic garden", "the botanic gardens")
            .German("Botanischer Garten Sydney", "Königlicher Botanischer Garten Sydney", "Botanischer Garten von Sydney"),
        Sydney("sydney-cricket-ground", "Sydney Cricket Ground", "the Sydney Cricket Ground", -33.8917, 151.2247, "the s c g"),
        Sydney("sydney-tower-eye", "Sydney Tower Eye", "the Sydney Tower Eye", -33.8705, 151.2089,
            "sydney tower", "centrepoint tower").AlsoInGerman("Sydney Tower", "Fernsehturm Sydney"),
        Sydney("sydney-central-station", "Sydney Central Station", "Central Station", -33.8830, 151.2067, "sydney central")
            .German("Hauptbahnhof Sydney", "Bahnhof Sydney Central"),
        Sydney("manly-beach", "Manly Beach", "Manly Beach", -33.7969, 151.2877, "manly").AlsoInGerman("Manly-Strand"),
        Sydney("queen-victoria-building", "Queen Victoria Building", "the Queen Victoria Building", -33.8718, 151.2067, "the q v b"),
        Sydney("circular-quay", "Circular Quay", "Circular Quay", -33.8615, 151.2106),

        Mumbai("gateway-of-india", "Gateway of India", "the Gateway of India", 18.9220, 72.8347, "the gateway"),
        Mumbai("chhatrapati-shivaji-maharaj-terminus", "Chhatrapati Shivaji Maharaj Terminus",
            "Chhatrapati Shivaji Maharaj Terminus", 18.9398, 72.8355, "c s m t", "c s t", "victoria terminus", "v t")
            .AlsoInGerman("Bahnhof Chhatrapati Shivaji Maharaj", "Victoria-Bahnhof"),
        Mumbai("mumbai-airport", "Chhatrapati Shivaji Maharaj International Airport",
            "Chhatrapati Shivaji Maharaj International Airport", 19.0896, 72.8656,
            "mumbai airport", "bombay airport", "sahar airport")
            .Short("Mumbai airport").German("Flughafen Mumbai", "Flughafen Bombay", "Flughafen Chhatrapati Shivaji Maharaj"),
        Mumbai("marine-drive", "Marine Drive", "Marine Drive", 18.9432, 72.8231, "queen's necklace"),
        Mumbai("taj-mahal-palace-hotel", "Taj Mahal Palace Hotel", "the Taj Mahal Palace Hotel", 18.9217, 72.8330,
            "the taj", "taj hotel", "the taj mahal hotel"),
        Mumbai("juhu-beach", "Juhu Beach", "Juhu Beach", 19.0988, 72.8265, "juhu").AlsoInGerman("Juhu-Strand"),
        Mumbai("siddhivinayak-temple", "Shree Siddhivinayak Temple", "the Siddhivinayak Temple", 19.0169, 72.8302, "siddhivinayak")
            .German("Siddhivinayak-Tempel", "Shree-Siddhivinayak-Tempel"),
        Mumbai("haji-ali-dargah", "Haji Ali Dargah", "Haji Ali Dargah", 18.9827, 72.8089, "haji ali"),
        Mumbai("bandra-worli-sea-link", "Bandra-Worli Sea Link", "the Bandra-Worli Sea Link", 19.0380, 72.8158,
            "the sea link", "rajiv gandhi sea link"),
        Mumbai("wankhede-stadium", "Wankhede Stadium", "Wankhede Stadium", 18.9389, 72.8258).German("Wankhede-Stadion"),
        Mumbai("chhatrapati-shivaji-maharaj-vastu-sangrahalaya", "Chhatrapati Shivaji Maharaj Vastu Sangrahalaya",
            "Chhatrapati Shivaji Maharaj Vastu Sangrahalaya", 18.9269, 72.8326, "prince of wales museum"),
        Mumbai("powai-lake", "Powai Lake", "Powai Lake", 19.1273, 72.9048).German("Powai-See"),
        Mumbai("mumbai-central", "Mumbai Central", "Mumbai Central", 18.9690, 72.8194, "mumbai central station", "bombay central")
            .AlsoInGerman("Bahnhof Mumbai Central"),
        Mumbai("colaba-causeway", "Colaba Causeway", "Colaba Causeway", 18.9151, 72.8258),

        Berlin("brandenburg-gate", "Brandenburg Gate", "the Brandenburg Gate", 52.5163, 13.3777, "brandenburger tor")
            .German("Brandenburger Tor", "Brandenburger Tor Berlin"),
        Berlin("reichstag-building", "Reichstag Building", "the Reichstag", 52.5186, 13.3762,
            "reichstagsgebäude", "the bundestag").German("Reichstagsgebäude", "Reichstag", "Bundestag"),
        Berlin("berlin-tv-tower", "Berlin TV Tower", "the Berlin TV Tower", 52.5208, 13.4094,
            "the tv tower", "fernsehturm", "berliner fernsehturm")
            .German("Berliner Fernsehturm", "Fernsehturm", "Fernsehturm Berlin", "Fernsehturm am Alex"),
        Berlin("museum-island", "Museum Island", "Museum Island", 52.5169, 13.4019, "museumsinsel")
            .German("Museumsinsel", "Berliner Museumsinsel"),
        Berlin("checkpoint-charlie", "Checkpoint Charlie", "Checkpoint Charlie", 52.5075, 13.3904),
        Berlin("east-side-gallery", "East Side Gallery", "the East Side Gallery", 52.5050, 13.4397),
        Berlin("berlin-cathedral", "Berlin Cathedral", "Berlin Cathedral", 52.5191, 13.4010, "berliner dom")
            .German("Berliner Dom", "Dom Berlin"),
        Berlin("potsdamer-platz", "Potsdamer Platz", "Potsdamer Platz", 52.5096, 13.3760),
        Berlin("alexanderplatz", "Alexanderplatz", "Alexanderplatz", 52.5219, 13.4132, "alex", "alexander square")
            .AlsoInGerman("Alex"),
        Berlin("berlin-hauptbahnhof", "Berlin Hauptbahnhof", "Berlin Hauptbahnhof", 52.5251, 13.3694,
            "berlin central station", "berlin main station", "hauptbahnhof")
            .German("Berlin Hauptbahnhof", "Hauptbahnhof", "Berliner Hauptbahnhof", "Hauptbahnhof Berlin"),
        Berlin("berlin-brandenburg-airport", "Berlin Brandenburg Airport", "Berlin Brandenburg Airport", 52.3667, 13.5033,
            "b e r", "berlin airport", "flughafen berlin brandenburg", "flughafen b e r")
            .Short("Berlin airport")
            .German("Flughafen Berlin Brandenburg", "Flughafen BER", "Flughafen Berlin", "Flughafen", "BER")
            .GermanShort("Flughafen BER"),
        Berlin("charlottenburg-palace", "Charlottenburg Palace", "Charlottenburg Palace", 52.5209, 13.2957,
            "schloss charlottenburg").German("Schloss Charlottenburg"),
        Berlin("tiergarten", "Tiergarten", "the Tiergarten", 52.5145, 13.3501, "großer tiergarten").AlsoInGerman("Großer Tiergarten"),
        Berlin("kaiser-wilhelm-memorial-church", "Kaiser Wilhelm Memorial Church", "the Kaiser Wilhelm Memorial Church",
            52.5048, 13.3350, "gedächtniskirche", "kaiser wilhelm gedächtniskirche")
            .German("Kaiser-Wilhelm-Gedächtniskirche", "Gedächtniskirche"),
        Berlin("berlin-zoo", "Berlin Zoological Garden", "the Berlin Zoo", 52.5079, 13.3377, "zoo berlin", "zoologischer garten")
            .German("Zoologischer Garten Berlin", "Zoo Berlin", "Berliner Zoo", "Zoologischer Garten"),
    ];

    /// <summary>
    /// The main city of each marketplace and the places help gives there as examples: en-US Seattle, en-GB London,
    /// en-CA Toronto, en-AU Sydney, en-IN Mumbai, de-DE Berlin. The places are the catalog's own, without the aliases
    /// only speech recognition needs (the markets travel with every session's settings).
    /// </summary>
    public static IReadOnlyList<PlaceMarket> Markets { get; } =
    [
        Market("Seattle", 47.6062, -122.3321, "en-US", "space-needle", "seattle-tacoma-international-airport"),
        Market("London", 51.5074, -0.1278, "en-GB", "tower-of-london", "heathrow-airport"),
        Market("Toronto", 43.6532, -79.3832, "en-CA", "cn-tower", "toronto-pearson-international-airport"),
        Market("Sydney", -33.8688, 151.2093, "en-AU", "sydney-opera-house", "sydney-airport"),
        Market("Mumbai", 19.0760, 72.8777, "en-IN", "gateway-of-india", "mumbai-airport"),
        Market("Berlin", 52.5200, 13.4050, "de-DE", "brandenburg-gate", "berlin-brandenburg-airport"),
    ];

    private static PlaceMarket Market(string city, double latitude, double longitude, string locale, string landmarkId, string airportId) =>
        new(city, new GeoPoint(latitude, longitude), locale, new PlaceExamples(Example(landmarkId), Example(airportId)));

    private static Place Example(string id)
    {
        var place = All.Single(place => place.Id == id);
        return place with
        {
            Aliases = [],
            NamesByLanguage = place.NamesByLanguage.ToDictionary(names => names.Key, names => names.Value with { Aliases = [] }),
        };
    }

    /// <summary>What riders say for <paramref name="place"/> for short, when that is not its spoken name; help names it so.</summary>
    private static Place Short(this Place place, string shortName) => place with { ShortName = shortName };

    /// <summary>
    /// <paramref name="place"/>'s German name (what German replies say and German cards show) and what else German
    /// riders call it.
    /// </summary>
    private static Place German(this Place place, string name, params string[] aliases) => place with
    {
        NamesByLanguage = new Dictionary<string, PlaceNames>(place.NamesByLanguage) { [GermanLanguage] = new(name, aliases) },
    };

    /// <summary>What German riders call <paramref name="place"/> besides the name German shares with English.</summary>
    private static Place AlsoInGerman(this Place place, params string[] aliases) => place.German(place.Name, aliases);

    /// <summary>What German riders say for <paramref name="place"/> for short ("Flughafen BER"); help names it so.</summary>
    private static Place GermanShort(this Place place, string shortName) => place with
    {
        NamesByLanguage = new Dictionary<string, PlaceNames>(place.NamesByLanguage)
        {
            [GermanLanguage] = place.NamesByLanguage[GermanLanguage] with { ShortName = shortName },
        },
    };

    private static Place Seattle(string id, string name, string spokenName, double latitude, double longitude, params string[] aliases) =>
        In("Seattle", id, name, spokenName, latitude, longitude, aliases);

    private static Place London(string id, string name, string spokenName, double latitude, double longitude, params string[] aliases) =>
        In("London", id, name, spokenName, latitude, longitude, aliases);

    private static Place Toronto(string id, string name, string spokenName, double latitude, double longitude, params string[] aliases) =>
        In("Toronto", id, name, spokenName, latitude, longitude, aliases);

    private static Place Sydney(string id, string name, string spokenName, double latitude, double longitude, params string[] aliases) =>
        In("Sydney", id, name, spokenName, latitude, longitude, aliases);

    private static Place Mumbai(string id, string name, string spokenName, double latitude, double longitude, params string[] aliases) =>
        In("Mumbai", id, name, spokenName, latitude, longitude, aliases);

    private static Place Berlin(string id, string name, string spokenName, double latitude, double longitude, params string[] aliases) =>
        In("Berlin", id, name, spokenName, latitude, longitude, aliases);

    private static Place In(string city, string id, string name, string spokenName, double latitude, double longitude, string[] aliases) =>
        new(id, name, spokenName, new GeoPoint(latitude, longitude), city, aliases);
}
