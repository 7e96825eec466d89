using RideHailer.Domain.Places;

namespace RideHailer.Skill.Places;

/// <summary>
/// The built-in places. Ids are stable: the interaction model's slot values are generated from
/// and checked against them, so rename a place by adding an alias, never by changing its id.
/// </summary>
internal static class KnownPlaces
{
    public static IReadOnlyList<Place> All { get; } =
    [
        Seattle("space-needle", "Space Needle", "the Space Needle", 47.6205, -122.3493, "needle", "the needle"),
        Seattle("pike-place-market", "Pike Place Market", "Pike Place Market", 47.6097, -122.3422,
            "pike place", "pike market", "the public market", "the market"),
        Seattle("seattle-tacoma-international-airport", "Seattle-Tacoma International Airport",
            "Seattle-Tacoma International Airport", 47.4502, -122.3088,
            "the airport", "sea tac", "seatac", "sea tac airport", "seattle airport"),
        Seattle("museum-of-pop-culture", "Museum of Pop Culture", "the Museum of Pop Culture", 47.6215, -122.3481,
            "mopop", "mo pop", "pop culture museum", "emp museum"),
        Seattle("lumen-field", "Lumen Field", "Lumen Field", 47.5952, -122.3316,
            "seahawks stadium", "the seahawks stadium", "centurylink field", "qwest field"),
        Seattle("t-mobile-park", "T-Mobile Park", "T-Mobile Park", 47.5914, -122.3325,
            "mariners stadium", "the ballpark", "safeco field"),
        Seattle("university-of-washington", "University of Washington", "the University of Washington", 47.6553, -122.3035,
            "u w", "u dub", "husky stadium"),
        Seattle("chihuly-garden-and-glass", "Chihuly Garden and Glass", "Chihuly Garden and Glass", 47.6206, -122.3505,
            "chihuly", "the chihuly museum", "chihuly glass museum"),
        Seattle("seattle-aquarium", "Seattle Aquarium", "the Seattle Aquarium", 47.6076, -122.3430, "the aquarium"),
        Seattle("kerry-park", "Kerry Park", "Kerry Park", 47.6295, -122.3600, "kerry park viewpoint"),
        Seattle("woodland-park-zoo", "Woodland Park Zoo", "Woodland Park Zoo", 47.6685, -122.3503, "the zoo", "woodland park"),
        Seattle("amazon-spheres", "Amazon Spheres", "the Amazon Spheres", 47.6156, -122.3395, "the spheres"),
        Seattle("seattle-central-library", "Seattle Central Library", "the Seattle Central Library", 47.6067, -122.3325,
            "the central library", "the downtown library"),
        Seattle("climate-pledge-arena", "Climate Pledge Arena", "Climate Pledge Arena", 47.6221, -122.3540, "key arena"),
        Seattle("seattle-great-wheel", "Seattle Great Wheel", "the Seattle Great Wheel", 47.6061, -122.3425,
            "the great wheel", "the ferris wheel"),
        Seattle("king-street-station", "King Street Station", "King Street Station", 47.5983, -122.3301,
            "the train station", "amtrak station"),
        new("golden-gate-bridge", "Golden Gate Bridge", "the Golden Gate Bridge", new(37.8199, -122.4783), "San Francisco",
            ["the golden gate"]),
        new("fishermans-wharf", "Fisherman's Wharf", "Fisherman's Wharf", new(37.8080, -122.4177), "San Francisco", []),
        new("statue-of-liberty", "Statue of Liberty", "the Statue of Liberty", new(40.6892, -74.0445), "New York",
            ["lady liberty", "liberty island"]),
        new("empire-state-building", "Empire State Building", "the Empire State Building", new(40.7484, -73.9857), "New York",
            ["empire state"]),
        new("pioneer-courthouse-square", "Pioneer Courthouse Square", "Pioneer Courthouse Square", new(45.5189, -122.6793),
            "Portland", ["portland's living room"]),
        new("stanley-park", "Stanley Park", "Stanley Park", new(49.3017, -123.1417), "Vancouver", []),
    ];

    private static Place Seattle(string id, string name, string spokenName, double latitude, double longitude, params string[] aliases) =>
        new(id, name, spokenName, new GeoPoint(latitude, longitude), "Seattle", aliases);
}
