namespace GeoSituation.Server.Tests;
