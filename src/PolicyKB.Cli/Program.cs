using System.CommandLine;
using System.Text;
using PolicyKB.Cli.Commands;
using PolicyKB.Cli.Startup;

StartupTrace.Mark("main");
Console.OutputEncoding = Encoding.UTF8;

var root = new RootCommand("policykb — a knowledge base of Chinese government policy documents with full-text search.")
{
    ParseCommand.Create(),
    ImportCommand.Create(),
    SearchCommand.Create(),
    CheckCommand.Create(),
    ServeCommand.Create(),
    CrawlCommand.Create(),
    ReparseCommand.Create(),
    BriefCommand.Create(),
    GenerateCommand.Create(),
    ExportCommand.Create(),
};

StartupTrace.Mark("commands built");
// On Ctrl+C or SIGTERM a command is cancelled and given this long to finish (a server stops, commits and lets go of
// the folder; an import commits what it has) before the process ends anyway.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) });
