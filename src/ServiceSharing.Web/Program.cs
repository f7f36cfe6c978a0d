using ServiceSharing.Web;

var app = ServiceSharingApp.Build(args);
await app.RunAsync();

/// <summary>Exposed so tests can reference the web assembly as Wolverine's application assembly.</summary>
public partial class Program;
