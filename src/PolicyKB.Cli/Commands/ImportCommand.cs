using System.CommandLine;
using System.Text.Json;
using PolicyKB.Import;
using PolicyKB.Model;
using PolicyKB.Search;
using Spectre.Console;

namespace PolicyKB.Cli.Commands;

/// <summary>`policykb import PATH... [--index DIR] [--json]`: files and folders into the index; re-importing updates, never duplicates.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Files or folders (HTML, PDF, DOCX).", Arity = ArgumentArity.OneOrMore };
        var index = CommonOptions.Index();
        var json = CommonOptions.Json("Print one JSON result per file (JSON Lines) instead of the summary.");
        var command = new Command("import", "Import files and folders into the index.") { paths, index, json };
        command.SetAction(parse => CommonOptions.Guard(() =>
        {
            var inputs = parse.GetValue(paths)!;
            var missing = inputs.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
            foreach (var m in missing) Console.Error.WriteLine($"policykb import: no such file or folder: {m}");
            var existing = inputs.Except(missing).ToList();
            if (existing.Count == 0) return ExitCodes.BadInput;

            using var policyIndex = PolicyIndex.Open(CommonOptions.ResolveIndex(parse, index));
            var importer = new DocumentImporter(policyIndex);
            var asJson = parse.GetValue(json);
            var report = !asJson && !Console.IsOutputRedirected
                ? WithProgressDisplay(importer, existing)
                : importer.ImportPaths(existing, asJson ? new SyncProgress<ImportFileResult>(r => Console.WriteLine(JsonSerializer.Serialize(r, PolicyJson.Options))) : null);
            if (!asJson) PrintSummary(report, policyIndex.Directory);
            return report.AnySucceeded ? ExitCodes.Ok : ExitCodes.BadInput;
        }));
        return command;
    }

    private static ImportReport WithProgressDisplay(DocumentImporter importer, IReadOnlyList<string> paths)
    {
        ImportReport? report = null;
        var total = importer.FilesOf(paths).Count;
        AnsiConsole.Progress().AutoClear(true).Start(ctx =>
        {
            var task = ctx.AddTask("导入", maxValue: Math.Max(1, total));
            report = importer.ImportPaths(paths, new SyncProgress<ImportFileResult>(r =>
            {
                task.Increment(1);
                task.Description = $"导入 {Markup.Escape(Path.GetFileName(r.Path))}";
            }));
        });
        return report!;
    }

    private static void PrintSummary(ImportReport report, string indexDirectory)
    {
        Console.WriteLine($"imported {report.Imported}, updated {report.Updated}, unchanged {report.Unchanged}, warned {report.Warned}, failed {report.Failed}  (index: {indexDirectory})");
        foreach (var f in report.Files.Where(f => f.Status == ImportStatus.Failed))
            Console.WriteLine($"  failed  {f.Path}: {f.Error}");
        foreach (var f in report.Files.Where(f => f.Status != ImportStatus.Failed && f.Warnings.Count > 0))
            Console.WriteLine($"  warning {f.Path}: {string.Join("; ", f.Warnings)}");
    }
}
