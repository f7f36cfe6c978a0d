using JasperFx;
using ServiceSharing.Web;

var app = ServiceSharingApp.Build(args);
// Runs the app, or one of JasperFx's commands: "codegen write" (infra/codegen.sh), "projections", "describe", ...
return await app.RunJasperFxCommands(args);

/// <summary>Exposed so tests can reference the web assembly as Wolverine's application assembly.</summary>
public partial class Program;
