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
            var report = asJson || Console.IsOutputRedirected
                ? importer.ImportPaths(existing, new Progress(r => { if (asJson) Console.WriteLine(JsonSerializer.Serialize(r, PolicyJson.Options)); }))
                : WithProgressDisplay(importer, existing);
            if (!asJson) PrintSummary(report, policyIndex.Directory);
            var anythingStored = report.Files.Any(f => f.Status != ImportStatus.Failed);
            return anythingStored ? ExitCodes.Ok : ExitCodes.BadInput;
        }));
        return command;
    }

    private static ImportReport WithProgressDisplay(DocumentImporter importer, IReadOnlyList<string> paths)
    {
        ImportReport? report = null;
        AnsiConsole.Status().Spinner(Spinner.Known.Dots).Start("导入中…", ctx =>
        {
            var done = 0;
            report = importer.ImportPaths(paths, new Progress(r =>
            {
                done++;
                ctx.Status($"导入中… 已处理 {done} 个文件  {Markup.Escape(Path.GetFileName(r.Path))}");
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

    /// <summary>Reports synchronously on the importing thread (System.Progress would post to the thread pool and reorder lines).</summary>
    private sealed class Progress(Action<ImportFileResult> report) : IProgress<ImportFileResult>
    {
        public void Report(ImportFileResult value) => report(value);
    }
}
