namespace RideHailer.Tests.Places.AzureMaps;

/// <summary>
/// Get Geocoding's answers as Microsoft documents them for api-version 2026-01-01, copied unchanged.
/// Reference page (Sample Response of each example):
/// https://learn.microsoft.com/rest/api/maps/search/get-geocoding?view=rest-maps-2026-01-01
/// The page is generated from the examples of the API's specification, where these bodies were copied from:
/// https://github.com/Azure/azure-rest-api-specs/tree/main/specification/maps/data-plane/Search/examples/2026-01-01
/// (ForwardGeocodingByQuery.json, ForwardGeocodingFindLandmarkByQuery.json).
/// </summary>
internal static class GeocodingExamples
{
    /// <summary>"Search detail address 15127 NE 24th Street, Redmond, WA by query": one match, an address.</summary>
    public const string OneAddress = """
        {
          "type": "FeatureCollection",
          "features": [
            {
              "type": "Feature",
              "properties": {
                "address": {
                  "countryRegion": {
                    "name": "United States"
                  },
                  "adminDistricts": [
                    {
                      "shortName": "WA"
                    },
                    {
                      "shortName": "King County"
                    }
                  ],
                  "formattedAddress": "15127 NE 24th St, Redmond, WA 98052",
                  "streetName": "NE 24th St",
                  "streetNumber": "15127",
                  "locality": "Redmond",
                  "postalCode": "98052",
                  "addressLine": "15127 NE 24th St"
                },
                "type": "Address",
                "confidence": "High",
                "matchCodes": [
                  "Good"
                ],
                "geocodePoints": [
                  {
                    "geometry": {
                      "type": "Point",
                      "coordinates": [
                        -122.138681,
                        47.630358
                      ]
                    },
                    "calculationMethod": "Rooftop",
                    "usageTypes": [
                      "Display"
                    ]
                  },
                  {
                    "geometry": {
                      "type": "Point",
                      "coordinates": [
                        -122.1386787,
                        47.6302179
                      ]
                    },
                    "calculationMethod": "Rooftop",
                    "usageTypes": [
                      "Route"
                    ]
                  }
                ]
              },
              "geometry": {
                "type": "Point",
                "coordinates": [
                  -122.138681,
                  47.630358
                ]
              },
              "bbox": [
                -122.14632282407,
                47.626495282429325,
                -122.13103917593001,
                47.63422071757068
              ]
            }
          ]
        }
        """;

    /// <summary>"Search landmark Empire State Building by query": several matches, landmarks with no address line.</summary>
    public const string TwoLandmarks = """
        {
          "type": "FeatureCollection",
          "features": [
            {
              "type": "Feature",
              "properties": {
                "address": {
                  "countryRegion": {
                    "name": "United States"
                  },
                  "adminDistricts": [
                    {
                      "shortName": "NY"
                    }
                  ],
                  "formattedAddress": "Empire State Building, NY",
                  "locality": "New York"
                },
                "type": "PointOfInterest",
                "confidence": "High",
                "matchCodes": [
                  "Ambiguous"
                ],
                "geocodePoints": [
                  {
                    "geometry": {
                      "type": "Point",
                      "coordinates": [
                        -73.98580932617188,
                        40.748435974121094
                      ]
                    },
                    "calculationMethod": "Rooftop",
                    "usageTypes": [
                      "Display"
                    ]
                  }
                ]
              },
              "geometry": {
                "type": "Point",
                "coordinates": [
                  -73.98580932617188,
                  40.748435974121094
                ]
              },
              "bbox": [
                -73.98590850830078,
                40.74833679199219,
                -73.98571014404297,
                40.74853515625
              ]
            },
            {
              "type": "Feature",
              "properties": {
                "address": {
                  "countryRegion": {
                    "name": "United States"
                  },
                  "adminDistricts": [
                    {
                      "shortName": "NY"
                    },
                    {
                      "shortName": "New York County"
                    }
                  ],
                  "formattedAddress": "Empire State Building, NY",
                  "locality": "Manhattan"
                },
                "type": "LandmarkBuilding",
                "confidence": "High",
                "matchCodes": [
                  "Ambiguous"
                ],
                "geocodePoints": [
                  {
                    "geometry": {
                      "type": "Point",
                      "coordinates": [
                        -73.98500061035156,
                        40.74815368652344
                      ]
                    },
                    "calculationMethod": "Rooftop",
                    "usageTypes": [
                      "Display"
                    ]
                  }
                ]
              },
              "geometry": {
                "type": "Point",
                "coordinates": [
                  -73.98500061035156,
                  40.74815368652344
                ]
              },
              "bbox": [
                -73.98710632324219,
                40.747314453125,
                -73.98412322998047,
                40.74958038330078
              ]
            }
          ]
        }
        """;

    /// <summary>
    /// Nothing found. Not one of Microsoft's examples (none shows an empty answer): the migration guide from Search v1
    /// (https://learn.microsoft.com/azure/azure-maps/migrate-search-v1-api, "Notable differences") says Get Geocoding
    /// "prioritizes correctness and may return no results", with HTTP 200, where v1 often gave a low-confidence match:
    /// the same FeatureCollection with no features.
    /// </summary>
    public const string Nothing = """
        {
          "type": "FeatureCollection",
          "features": []
        }
        """;

    /// <summary>
    /// A failure's body in the reference's ErrorResponse shape (<c>error.code</c>, <c>error.message</c>); the values are ours,
    /// the reference gives no example of a 429 or a 500.
    /// </summary>
    public static string Error(string code, string message) =>
        $$"""{ "error": { "code": "{{code}}", "message": "{{message}}" } }""";
}
