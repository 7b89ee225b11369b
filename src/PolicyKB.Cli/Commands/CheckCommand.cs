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
            Console.WriteLine(parse.GetValue(json) ? JsonSerializer.Serialize(report, PolicyJson.Indented) : report.ToString());
            return report.Clean ? ExitCodes.Ok : ExitCodes.Failure;
        }));
        return command;
    }
}
