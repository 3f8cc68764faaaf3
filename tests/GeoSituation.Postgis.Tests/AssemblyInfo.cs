namespace GeoSituation.Postgis.Tests;
