namespace GeoSituation.Cli.Tests;
