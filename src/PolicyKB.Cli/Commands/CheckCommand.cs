using System.CommandLine;
using System.Text.Json;
using PolicyKB.Model;
using PolicyKB.Search;

namespace PolicyKB.Cli.Commands;

/// <summary>`policykb check [--index DIR]`: runs CheckIndex and prints counts; exit 1 when the index has problems.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var index = CommonOptions.Index();
        var json = CommonOptions.Json("Print the report as JSON.");
        var command = new Command("check", "Check the index (Lucene CheckIndex) and print its counts.") { index, json };
        command.SetAction(parse => CommonOptions.Guard(() =>
        {
            var dir = CommonOptions.ResolveIndex(parse, index);
            var report = PolicyIndex.Check(dir);
            Console.WriteLine(parse.GetValue(json) ? JsonSerializer.Serialize(report, PolicyJson.Indented) : Text(report));
            return report.Clean ? ExitCodes.Ok : ExitCodes.Failure;
        }));
        return command;
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
}
