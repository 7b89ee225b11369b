using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PolicyKB.Briefs;
using PolicyKB.Model;
using PolicyKB.Search;
using PolicyKB.Service.Hosting;

namespace PolicyKB.Service.Api;

/// <summary>POST /api/briefs: a draft brief from the page's tray (ids) and/or a search, as JSON for preview or as a file.</summary>
internal static class BriefEndpoints
{
    public const int MaxIds = 500;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/briefs", Build).WithTags("briefs").RequireRateLimiting(ClientLimits.SearchPolicy)
            .WithSummary("Build a draft brief (not issued) from document ids and/or a search; format json (preview), md, html or docx.")
            .Accepts<BriefApiRequest>("application/json")
            .Produces<Brief>(contentType: "application/json")
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    private static async Task<IResult> Build(HttpContext http, BriefBuilder builder, BriefData data, CancellationToken cancellationToken)
    {
        // Read here rather than bound: a charset other than UTF-8 is then a 415 like every other unreadable body.
        var (body, problem) = await JsonBody.ReadAsync<BriefApiRequest>(http.Request, "ids", "{\"ids\": [\"…\"], \"format\": \"md\"}", null, cancellationToken);
        if (problem is not null) return problem;
        return BuildFrom(body!, builder, data.DefaultTemplate, cancellationToken);
    }

    private static IResult BuildFrom(BriefApiRequest body, BriefBuilder builder, BriefTemplate template, CancellationToken cancellationToken)
    {
        var format = (BriefFormat?)null;
        var json = string.IsNullOrWhiteSpace(body.Format) || body.Format.Trim().Equals("json", StringComparison.OrdinalIgnoreCase);
        if (!json)
        {
            if (!BriefRenderer.TryParseFormat(body.Format, out var f))
                return Problems.BadParameter("format", $"“{InvisibleText.Excerpt(body.Format)}”不是简报格式（json、md、html、docx）。");
            format = f;
        }
        var ids = (body.Ids ?? []).Where(id => !string.IsNullOrWhiteSpace(id)).ToList();
        if (ids.Count > MaxIds) return Problems.BadParameter("ids", $"一期简报最多收 {MaxIds} 篇文件。");
        if (ids.Any(id => id.Length > SearchEndpoints.MaxIdLength)) return Problems.BadParameter("ids", "有一个文件编号过长。");

        SearchRequest? search = null;
        if (body.Search is not null)
        {
            var read = body.Search.Read(paged: false);
            if (!read.TryGetValue(out search)) return Problems.BadParameters(read, prefix: "search.");
        }
        if (ids.Count == 0 && search is null) return Problems.BadParameter("ids", "请给出要收入简报的文件编号，或一个检索。");

        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(body.Date))
        {
            if (!DateOnly.TryParseExact(body.Date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                return Problems.BadParameter("date", $"“{InvisibleText.Excerpt(body.Date)}”不是日期（yyyy-MM-dd）。");
            date = d;
        }
        if (body.Number is < 1) return Problems.BadParameter("number", "总期号至少为 1。");
        if (body.IssueOfYear is < 1) return Problems.BadParameter("issueOfYear", "年内期号至少为 1。");
        var sections = template.SectionsByKey().Select(s => s.Key).ToList();
        if ((body.Sections ?? new Dictionary<string, string>()).FirstOrDefault(p => !sections.Contains(p.Value, StringComparer.Ordinal)) is { Key: not null } unknown)
            return Problems.BadParameter("sections", $"“{InvisibleText.Excerpt(unknown.Value)}”不是简报的栏目（{string.Join("、", sections)}）。");

        Brief brief;
        try
        {
            brief = builder.Build(new BriefRequest
            {
                Ids = ids,
                Search = search,
                Date = date,
                Number = body.Number,
                IssueOfYear = body.IssueOfYear,
                Edits = body.Edits ?? new Dictionary<string, string>(),
                Placements = body.Sections ?? new Dictionary<string, string>(),
            }, cancellationToken);
        }
        catch (RuleTimeoutException e)
        {
            return Problems.RuleTooSlow(e);
        }
        if (format is not { } chosen) return TypedResults.Json(brief, SafeOutput.Json);
        var rendered = BriefRenderer.Render(SafeOutput.Clean(brief), chosen);
        return TypedResults.File(rendered.Content, rendered.ContentType, $"brief-{brief.Date:yyyyMMdd}-{brief.Number}{rendered.FileExtension}");
    }
}

/// <summary>The body of POST /api/briefs.</summary>
/// <param name="Ids">Documents in the editor's order (the page's tray).</param>
/// <param name="Search">A search whose hits are added (same names as the query string of /api/search).</param>
/// <param name="Format">json (default, for preview), md, html or docx.</param>
/// <param name="Date">The brief's date (yyyy-MM-dd); today when absent.</param>
/// <param name="Number">总期 number; one more than the last issued brief when absent.</param>
/// <param name="IssueOfYear">年第 N 期; counted from the history when absent.</param>
/// <param name="Edits">Document id → the editor's text replacing the summary.</param>
/// <param name="Sections">Document id → the key of the section the editor moved it to (<c>sectionChoices</c> of the preview lists them).</param>
internal sealed record BriefApiRequest(
    IReadOnlyList<string>? Ids,
    SearchParameters? Search = null,
    string? Format = null,
    string? Date = null,
    int? Number = null,
    int? IssueOfYear = null,
    IReadOnlyDictionary<string, string>? Edits = null,
    IReadOnlyDictionary<string, string>? Sections = null);
