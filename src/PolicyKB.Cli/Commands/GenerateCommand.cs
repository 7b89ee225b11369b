using System.CommandLine;
using PolicyKB.Corpus;

namespace PolicyKB.Cli.Commands;

/// <summary>`policykb generate --docs N --out DIR [--seed S]`: a deterministic corpus of realistic policy pages.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var docs = new Option<int>("--docs") { Description = "How many pages.", Required = true };
        var output = new Option<string>("--out") { Description = "The folder to write them to.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Same seed, same pages (default 1).", DefaultValueFactory = _ => 1 };
        var command = new Command("generate", "Write a generated corpus of policy pages in the official sites' templates.") { docs, output, seed };
        command.SetAction(parse => CommonOptions.Guard(() =>
        {
            var n = parse.GetValue(docs);
            if (n < 1)
            {
                Console.Error.WriteLine("policykb generate: --docs must be 1 or more");
                return ExitCodes.BadInput;
            }
            var dir = parse.GetValue(output)!;
            var summary = new CorpusGenerator(parse.GetValue(seed)).WriteTo(dir, n);
            Console.WriteLine($"wrote {summary.Pages} pages ({summary.HtmlBytes / 1048576.0:0.0} MB of HTML) to {Path.GetFullPath(dir)}");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
