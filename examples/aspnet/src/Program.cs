// The article's stock server: settings, Kestrel, logging, CORS and the feed; then it runs until a signal.
using Rivulet.StockServer;

var builder = WebApplication.CreateBuilder(args);

ServerOptions options;
try
{
    options = ServerOptions.From(builder.Configuration);
}
catch (ArgumentException error)
{
    Console.Error.WriteLine(error.Message);
    Console.Error.WriteLine(ServerOptions.Usage);
    return 2;
}

builder.WebHost.UseUrls($"http://{options.Host}:{options.Port}");
// Streams end on shutdown by themselves; this only bounds a client that will not let go.
builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));

builder.Logging.ClearProviders().AddSimpleConsole(console =>
{
    console.SingleLine = true;
    console.UseUtcTimestamp = true;
    console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
});
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy =>
{
    if (options.Origins.Contains("*")) policy.AllowAnyOrigin();
    // Credentials, so `new EventSource(url, { withCredentials: true })` works from the apps.
    else policy.WithOrigins([.. options.Origins]).AllowCredentials();
    // Last-Event-ID is what a resuming fetch-based client sends; it is not CORS-safelisted.
    policy.WithMethods("GET")
        .WithHeaders("Accept", "Authorization", "Cache-Control", "Content-Type", "Last-Event-ID")
        .SetPreflightMaxAge(TimeSpan.FromSeconds(600));
}));

builder.Services.AddSingleton(options);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<StockService>();
builder.Services.AddHostedService(services => services.GetRequiredService<StockService>());
builder.Services.AddSingleton<ConnectionLog>();
builder.Services.AddSingleton<QuoteStreams>();

var app = builder.Build();
app.UseCors();
app.MapStockEndpoints();
await app.RunAsync();
return 0;
