using System.CommandLine;
using System.Text.Json;
using PolicyKB.Import;
using PolicyKB.Model;

namespace PolicyKB.Cli.Commands;

/// <summary>`policykb parse FILE [--url URL]`: the parsed document as JSON on stdout; changes nothing.</summary>
internal static class ParseCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "An HTML, PDF or DOCX file." };
        var url = new Option<string?>("--url") { Description = "The page's original address (picks the site profile, resolves relative links)." };
        var command = new Command("parse", "Parse one page or file and print the document as JSON; the index is not touched.") { file, url };
        command.SetAction(parse => CommonOptions.Guard(() =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                Console.Error.WriteLine($"policykb parse: no such file: {path.FullName}");
                return ExitCodes.BadInput;
            }
            var pageUrl = parse.GetValue(url);
            if (pageUrl is not null && !Uri.TryCreate(pageUrl, UriKind.Absolute, out _))
            {
                Console.Error.WriteLine($"policykb parse: --url is not an absolute URL: {pageUrl}");
                return ExitCodes.BadInput;
            }
            var result = new CliData().Import.Parser.Parse(File.ReadAllBytes(path.FullName), new PageSource(pageUrl, path.FullName));
            if (result.Document is null)
            {
                Console.Error.WriteLine($"policykb parse: {path.Name}: {result.Error}");
                return ExitCodes.BadInput;
            }
            Console.WriteLine(JsonSerializer.Serialize(ParseView.From(result.Document, result.Warnings), PolicyJson.Indented));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
