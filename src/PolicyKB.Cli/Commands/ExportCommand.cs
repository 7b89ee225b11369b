using System.CommandLine;
using PolicyKB.Search;
using PolicyKB.Search.Export;

namespace PolicyKB.Cli.Commands;

/// <summary>
/// `policykb export --format opensearch --out DIR`: the knowledge base as OpenSearch/Elasticsearch bulk files plus the
/// index template they need (docs/SCALING.md). Reads only: it works beside a running writer.
/// </summary>
internal static class ExportCommand
{
    private static readonly string[] Formats = ["opensearch"];

    public static Command Create()
    {
        var format = new Option<string?>("--format") { Description = $"The format: {string.Join(", ", Formats)}." };
        var output = new Option<string?>("--out") { Description = "A new or empty folder for the files." };
        var indexName = new Option<string>("--index-name") { Description = $"The cluster index the bulk lines name (default {OpenSearchExport.DefaultIndexName}).", DefaultValueFactory = _ => OpenSearchExport.DefaultIndexName };
        var fileSize = new Option<int>("--file-mb") { Description = "Start a new bulk file at about this many MB (default 10).", DefaultValueFactory = _ => (int)(OpenSearchExport.DefaultFileBytes >> 20) };
        var index = CommonOptions.Index();
        var command = new Command("export", "Write the knowledge base for another engine (OpenSearch/Elasticsearch bulk files and index template).") { format, output, indexName, fileSize, index };
        command.SetAction(parse => CommonOptions.Guard(() =>
        {
            var error = Check(parse.GetValue(format), parse.GetValue(output), parse.GetValue(indexName), parse.GetValue(fileSize));
            if (error is not null)
            {
                Console.Error.WriteLine($"policykb export: {error}");
                return ExitCodes.BadInput;
            }
            var dir = Path.GetFullPath(parse.GetValue(output)!);
            using var policyIndex = PolicyIndex.OpenReadOnly(CommonOptions.ResolveIndex(parse, index), new CliData().IndexOptions());
            var summary = OpenSearchExport.Write(policyIndex, dir, parse.GetValue(indexName)!, (long)parse.GetValue(fileSize) << 20);
            Console.WriteLine($"exported {summary.Documents} documents into {summary.BulkFiles.Count} bulk file(s) ({summary.Bytes / 1048576.0:0.0} MB) in {dir}");
            Console.WriteLine($"index template: {summary.TemplateFile} (PUT _index_template/{parse.GetValue(indexName)}; needs the analysis-smartcn plugin)");
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>What is wrong with the arguments, or null; an output folder that cannot be written is found here, before the index is read.</summary>
    private static string? Check(string? format, string? output, string? indexName, int fileMb)
    {
        if (format is null) return $"--format is required ({string.Join(", ", Formats)})";
        if (!Formats.Contains(format, StringComparer.OrdinalIgnoreCase)) return $"unknown format '{format}': the formats are {string.Join(", ", Formats)}";
        if (string.IsNullOrWhiteSpace(output)) return "--out is required (a new or empty folder)";
        // Index names are lower case, without the characters OpenSearch and Elasticsearch refuse.
        if (string.IsNullOrWhiteSpace(indexName) || indexName.Any(char.IsUpper) || indexName.IndexOfAny(['\\', '/', '*', '?', '"', '<', '>', '|', ' ', ',', '#', ':']) >= 0 || indexName[0] is '-' or '_' or '+')
            return $"--index-name '{indexName}' is not an index name (lower case, no spaces or \\/*?\"<>|,#:, not starting with - _ +)";
        if (fileMb < 1) return "--file-mb must be 1 or more";
        var dir = Path.GetFullPath(output);
        try
        {
            if (File.Exists(dir)) return $"--out {dir} is a file, not a folder";
            if (Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any())
                return $"--out {dir} is not empty: choose a new or empty folder (files of an earlier export would mix with this one)";
            Directory.CreateDirectory(dir);
            var probe = Path.Combine(dir, ".policykb-write-check");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot write to --out {dir}: {e.Message}";
        }
    }
}
