using JasperFx;
using ServiceSharing.Web;

var app = ServiceSharingApp.Build(args);
// No arguments (or "run") serves the app; otherwise the Critter Stack's command line: JasperFx's and Marten's
// commands (codegen write via infra/codegen.sh, db-apply, projections, describe, ...) and the admin commands in Admin/
// (export, import, verify, invite).
return await app.RunJasperFxCommands(args);

/// <summary>Exposed so tests can reference the web assembly as Wolverine's application assembly.</summary>
public partial class Program;
