// SCAFFOLD: replaced by the serving work (helper B).
using GeoSituation.Server.Map;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddMapClient();
var app = builder.Build();
app.MapMapClient();
app.Run();

public partial class Program;
