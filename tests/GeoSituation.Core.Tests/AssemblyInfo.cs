namespace GeoSituation.Core.Tests;
