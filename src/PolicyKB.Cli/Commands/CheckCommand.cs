using System.CommandLine;
using System.Text.Json;
using PolicyKB.Import;
using PolicyKB.Import.Health;
using PolicyKB.Model;
using PolicyKB.Search;

namespace PolicyKB.Cli.Commands;

/// <summary>
/// `policykb check [--index DIR] [--fields]`: runs CheckIndex and prints counts (exit 1 when the index has problems);
/// with --fields, the field-health report of the stored documents instead.
/// </summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var index = CommonOptions.Index();
        var json = CommonOptions.Json("Print the report as JSON.");
        var fields = new Option<bool>("--fields")
        {
            Description = "Report how well the documents were read: per site, the share with each field, warnings by kind, issuer values not in issuers.json.",
        };
        var command = new Command("check", "Check the index (Lucene CheckIndex) and print its counts, or (--fields) the health of the documents' fields.") { index, fields, json };
        command.SetAction(parse => CommonOptions.Guard(() =>
        {
            var dir = CommonOptions.ResolveIndex(parse, index);
            if (parse.GetValue(fields)) return Fields(dir, parse.GetValue(json));
            var report = PolicyIndex.Check(dir);
            Console.WriteLine(parse.GetValue(json) ? JsonSerializer.Serialize(report, PolicyJson.Indented) : Text(report));
            return report.Clean ? ExitCodes.Ok : ExitCodes.Failure;
        }));
        return command;
    }

    private static int Fields(string dir, bool json)
    {
        if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"no index at {dir}");
        var data = new CliData();
        using var policyIndex = PolicyIndex.Open(dir, data.IndexOptions());
        var report = FieldHealth.Compute(policyIndex.All(), data.Import.Issuers);
        Console.WriteLine(json ? JsonSerializer.Serialize(report, PolicyJson.Indented) : Text(report));
        return ExitCodes.Ok;
    }

    private static string Text(CheckReport report)
    {
        var lines = new List<string> { $"索引      {report.Directory}" };
        if (report.Exists)
        {
            lines.Add($"文档      {report.Documents:N0}");
            lines.Add($"段        {report.Segments:N0}");
            lines.Add($"结构版本  {report.SchemaVersion ?? "未知"}");
            if (report.LastCommit is { } committed) lines.Add($"最近提交  {committed.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
        }
        lines.Add(report.Clean ? "检查      无问题" : "检查      有问题：");
        lines.AddRange(report.Problems.Select(p => $"  - {p}"));
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>One column a site: the share of documents with each field, then each site's warnings and unknown issuers.</summary>
    private static string Text(FieldHealthReport report)
    {
        var lines = new List<string> { $"documents {report.Documents:N0}", "" };
        var sites = report.Sites;
        lines.Add(Row("field", sites.Select(s => $"{s.Site} ({s.Documents})")));
        foreach (var (field, i) in sites[0].Fields.Select((f, i) => (f.Field, i)))
            lines.Add(Row(field, sites.Select(s => s.Fields[i].Share.ToString("P0", CultureInfo.InvariantCulture))));
        foreach (var site in sites.Where(s => s.Site != FieldHealth.AllSites))
        {
            if (site.Warnings.Count == 0 && site.UnresolvedIssuers.Count == 0) continue;
            lines.Add("");
            lines.Add($"{site.Site}:");
            lines.AddRange(site.Warnings.Select(w => $"  {w.Count,6}  {w.Kind}"));
            if (site.UnresolvedIssuers.Count > 0) lines.Add("  issuers not in issuers.json:");
            lines.AddRange(site.UnresolvedIssuers.Select(u => $"  {u.Documents,6}  {u.Issuer}"));
        }
        return string.Join(Environment.NewLine, lines);
    }

    private static string Row(string first, IEnumerable<string> cells) => $"{first,-15}" + string.Concat(cells.Select(c => $"{c,14}"));
}
