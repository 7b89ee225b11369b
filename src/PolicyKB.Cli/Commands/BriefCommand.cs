using System.CommandLine;
using PolicyKB.Briefs;
using PolicyKB.Model;
using PolicyKB.Search;

namespace PolicyKB.Cli.Commands;

/// <summary>
/// `policykb brief [QUERY] [filters] [--ids ID...] [--template FILE] [--number N] [--date DATE] [--edits FILE] [--issue]
/// --format md|html|docx --out FILE`: a bulletin brief from search hits and/or chosen documents.
/// </summary>
internal static class BriefCommand
{
    public static Command Create()
    {
        var query = new Argument<string?>("QUERY") { Description = "A search whose hits fill the brief (optional with --ids).", Arity = ArgumentArity.ZeroOrOne };
        var filters = new SearchFilterOptions();
        var ids = new Option<string[]>("--ids") { Description = "Document ids to include, in this order.", AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => [] };
        var template = new Option<string?>("--template") { Description = "A brief template file (default data/briefs/default.json)." };
        var number = new Option<int?>("--number") { Description = "The issue number (总期; default: the last issued + 1)." };
        var date = new Option<string?>("--date") { Description = "The brief's date (default today)." };
        var edits = new Option<string?>("--edits") { Description = "A JSON file of id → summary written by the editor; kept over the generated summary." };
        var issue = new Option<bool>("--issue") { Description = "Record the brief as issued, so the next one leaves out its documents." };
        var format = new Option<string>("--format") { Description = "md, html or docx.", Required = true };
        var output = new Option<string>("--out") { Description = "The file to write.", Required = true };
        var index = CommonOptions.Index();
        var command = new Command("brief", "Build a bulletin brief (Markdown, HTML or Word) from search hits.") { query, ids, template, number, date, edits, issue, format, output, index };
        filters.AddTo(command);
        command.SetAction(parse => CommonOptions.Guard(() =>
        {
            var read = Read(parse, query, filters, ids, template, number, date, edits, format);
            if (!read.TryGetValue(out var asked))
            {
                foreach (var line in read.Errors.Values) Console.Error.WriteLine($"policykb brief: {line}");
                return ExitCodes.BadInput;
            }
            var (request, briefFormat) = asked;
            // Reading only: a search never writes the folder (a read-only copy or a backup stays as it was).
            var data = new CliData();
            using var policyIndex = PolicyIndex.OpenReadOnly(CommonOptions.ResolveIndex(parse, index), data.IndexOptions());
            var builder = new BriefBuilder(policyIndex, TimeProvider.System, data.Briefs);
            var brief = builder.Build(request);
            foreach (var w in brief.Warnings) Console.Error.WriteLine($"注意：{w}");

            var rendered = BriefRenderer.Render(brief, briefFormat);
            var path = Path.GetFullPath(parse.GetValue(output)!);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, rendered.Content);
            Console.WriteLine($"{brief.Name} {brief.IssueLine}: {brief.AllItems.Count()} items → {path}");

            if (parse.GetValue(issue))
            {
                var issued = builder.Issue(brief);
                if (!issued.Success)
                {
                    Console.Error.WriteLine($"policykb brief: not issued: {issued.Error}");
                    return ExitCodes.Failure;
                }
                Console.WriteLine($"issued as number {issued.Value.Number}");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>The brief asked for and its format, or each option that is wrong (one line each).</summary>
    private static Parsed<(BriefRequest Request, BriefFormat Format)> Read(ParseResult parse, Argument<string?> query, SearchFilterOptions filters,
        Option<string[]> ids, Option<string?> template, Option<int?> number, Option<string?> date, Option<string?> edits, Option<string> format)
    {
        static Parsed<(BriefRequest, BriefFormat)> Fail(string error) => Parsed.Fail<(BriefRequest, BriefFormat)>(error);
        if (!BriefRenderer.TryParseFormat(parse.GetValue(format), out var briefFormat))
            return Fail($"--format: '{parse.GetValue(format)}' is not md, html or docx");
        // Every hit is taken: the brief has no page to limit.
        var read = filters.Input(parse, parse.GetValue(query)).Validate(paged: false);
        if (!read.Success) return Parsed.Fail<(BriefRequest, BriefFormat)>(read.Errors.Keys.Zip(SearchFilterOptions.Errors(read), KeyValuePair.Create));
        var search = read.Value;
        var chosen = parse.GetValue(ids)!;
        var hasSearch = !string.IsNullOrWhiteSpace(search.Query)
            || new[] { search.Issuers, search.Themes, search.Topics, search.Types, search.Sites, search.Years, search.Months, search.Statuses, search.Methodologies }.Any(v => v.Count > 0)
            || search.PublishedFrom is not null || search.PublishedTo is not null || search.WrittenFrom is not null || search.WrittenTo is not null;
        if (!hasSearch && chosen.Length == 0)
            return Fail("say what goes into the brief: a QUERY, filters such as --from/--to, or --ids");

        // Null: the builder takes the data folder's default template.
        BriefTemplate? loadedTemplate = null;
        if (parse.GetValue(template) is { } templatePath)
        {
            var t = BriefTemplate.Load(templatePath);
            if (!t.TryGetValue(out loadedTemplate)) return Fail(t.Error!);
        }
        IReadOnlyDictionary<string, string> editorText = new Dictionary<string, string>();
        if (parse.GetValue(edits) is { } editsPath)
        {
            var e = BriefEdits.Load(editsPath);
            if (!e.TryGetValue(out var loaded)) return Fail(e.Error!);
            editorText = loaded;
        }
        DateOnly? briefDate = null;
        if (parse.GetValue(date) is { } dateText)
        {
            // A day reads the same as a lower and as an upper bound; a month or a year does not.
            if (!DateBound.Parse(dateText, upper: false).TryGetValue(out var d) || DateBound.Parse(dateText, upper: true).Value != d)
                return Fail($"--date: '{dateText}' is not a day (use 2023-10-31)");
            briefDate = d;
        }
        if (parse.GetValue(number) is < 1) return Fail("--number must be 1 or more");
        return Parsed.Of((new BriefRequest
        {
            Search = hasSearch ? search : null,
            Ids = chosen,
            Template = loadedTemplate,
            Number = parse.GetValue(number),
            Date = briefDate,
            Edits = editorText,
        }, briefFormat));
    }
}
