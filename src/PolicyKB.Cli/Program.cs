using System.CommandLine;
using System.Text;
using PolicyKB.Cli.Commands;

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
};

return await root.Parse(args).InvokeAsync();
