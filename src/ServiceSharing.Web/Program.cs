using JasperFx;
using ServiceSharing.Web;

var app = ServiceSharingApp.Build(args);
if (args.Length == 0)
{
    // Serving, as infra/run.sh starts it: the host runs directly, as JasperFx itself does when given ASP.NET Core's
    // flags. Its command discovery would otherwise write a line per assembly to the console at every start, outside
    // the log (and outside its JSON lines).
    await app.RunAsync();
    return 0;
}

// Otherwise the Critter Stack's command line: JasperFx's and Marten's commands (codegen write via infra/codegen.sh,
// db-apply, projections, describe, ...) and the admin commands in Admin/ (export, import, verify, invite).
return await app.RunJasperFxCommands(args);

/// <summary>Exposed so tests can reference the web assembly as Wolverine's application assembly.</summary>
public partial class Program;
