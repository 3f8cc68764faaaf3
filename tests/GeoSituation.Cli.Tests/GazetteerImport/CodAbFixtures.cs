namespace GeoSituation.Cli.Tests.GazetteerImport;

/// <summary>Small files in the shapes planners import: a COD-AB admin2 GeoJSON and a CCCM-style site list with an HXL row.</summary>
public static class CodAbFixtures
{
    /// <summary>Two admin2 areas east of El Fasher, COD-AB field names (ADM2_PCODE, ADM2_EN, ADM2ALT1_EN, ADM2_AR, ADM1_PCODE, ADM0_PCODE).</summary>
    public const string Admin2GeoJson = """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"ADM2_EN":"Kuma Garadayat","ADM2ALT1_EN":"Kuma Garadait","ADM2_AR":"كومة قرادايات","ADM2_PCODE":"SD13899","ADM1_EN":"North Darfur","ADM1_PCODE":"SD13","ADM0_EN":"Sudan","ADM0_PCODE":"SD"},
         "geometry":{"type":"Polygon","coordinates":[[[26.0,13.0],[26.8,13.0],[26.8,13.8],[26.0,13.8],[26.0,13.0]]]}},
        {"type":"Feature","properties":{"ADM2_EN":"Wadi Magrur","ADM2_PCODE":"SD13898","ADM1_EN":"North Darfur","ADM1_PCODE":"SD13","ADM0_PCODE":"SD"},
         "geometry":{"type":"MultiPolygon","coordinates":[[[[26.8,13.0],[27.5,13.0],[27.5,13.8],[26.8,13.8],[26.8,13.0]]]]}}
        ]}
        """;

    /// <summary>Area of the Kuma Garadayat square (0.8 x 0.8 degrees at 13.4 N) in km², for the density checks.</summary>
    public const double KumaGaradayatKm2 = 0.8 * 111.32 * 0.8 * 110.6 * 0.9728;

    public const string SitesCsv = """
        Site Name,Alternate names,Lat,Lon,Type,Site Pcode,Admin2 Pcode,Individuals
        #loc+name,#loc+name+alt,#geo+lat,#geo+lon,#loc+type,#loc+code,#adm2+code,#affected+ind
        Dar es Salam Garadayat camp,Dar Assalam Garadayat,13.41,26.31,IDP camp,SD-CMP-9901,SD13899,"12,400"
        "Wadi Magrur Collective Centre, Block B",,13.52,27.10,collective centre,SD-CMP-9902,SD13898,
        """;
}
