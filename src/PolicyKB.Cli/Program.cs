using System.CommandLine;
using System.Text;
using PolicyKB.Cli.Commands;
using PolicyKB.Cli.Startup;

// A short command makes few regular-expression matches: compiling Lucene.Net's and the rules files' patterns to IL and
// JIT compiling that cost more than interpreting them (same matches; docs/PERFORMANCE.md, CLI start). Set before any
// pattern is built; the long-running commands keep compiled patterns.
if (args.FirstOrDefault() is "search" or "check" or "parse" or "brief")
    AppContext.SetSwitch("System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported", false);
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
