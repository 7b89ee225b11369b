using System.CommandLine;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PolicyKB.Import;
using PolicyKB.Model;
using PolicyKB.Search;
using Spectre.Console;

namespace PolicyKB.Cli.Commands;

/// <summary>
/// `policykb import PATH... [--index DIR] [--json] [--server URL [--api-key KEY]]`: files and folders into the index;
/// re-importing updates, never duplicates. With --server the files go to a running `policykb serve` (the folder's one
/// writer) through its admin API instead of into the folder.
/// </summary>
internal static class ImportCommand
{
    /// <summary>Files sent in one upload to a server, so that a large folder never becomes one huge request.</summary>
    private const int FilesPerUpload = 50;

    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Files or folders (HTML, PDF, DOCX).", Arity = ArgumentArity.OneOrMore };
        var index = CommonOptions.Index();
        var json = CommonOptions.Json("Print one JSON result per file (JSON Lines) instead of the summary.");
        var server = new Option<string?>("--server") { Description = "Send the files to a running policykb serve at this address (e.g. http://127.0.0.1:5080) instead of writing the index folder." };
        var apiKey = new Option<string?>("--api-key") { Description = "The server's admin key (default: the POLICYKB_API_KEY environment variable)." };
        var command = new Command("import", "Import files and folders into the index.") { paths, index, json, server, apiKey };
        command.SetAction((parse, ct) => CommonOptions.GuardAsync(async () =>
        {
            var inputs = parse.GetValue(paths)!;
            var missing = inputs.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
            foreach (var m in missing) Console.Error.WriteLine($"policykb import: no such file or folder: {m}");
            var existing = inputs.Except(missing).ToList();
            if (existing.Count == 0) return ExitCodes.BadInput;
            var asJson = parse.GetValue(json);

            if (parse.GetValue(server) is { } url)
                return await ToServerAsync(url, parse.GetValue(apiKey) ?? Environment.GetEnvironmentVariable("POLICYKB_API_KEY"), existing, asJson, ct);

            var data = new CliData();
            using var policyIndex = PolicyIndex.Open(CommonOptions.ResolveIndex(parse, index), data.IndexOptions("policykb import"));
            var importer = new DocumentImporter(policyIndex, data.Import.Parser);
            var report = !asJson && !Console.IsOutputRedirected
                ? WithProgressDisplay(importer, existing, ct)
                : importer.ImportPaths(existing, asJson ? new SyncProgress<ImportFileResult>(PrintJson) : null, ct);
            if (!asJson) PrintSummary(report, policyIndex.Directory);
            return report.AnySucceeded ? ExitCodes.Ok : ExitCodes.BadInput;
        }));
        return command;
    }

    private static void PrintJson(ImportFileResult r) => Console.WriteLine(JsonSerializer.Serialize(r, PolicyJson.Options));

    private static ImportReport WithProgressDisplay(DocumentImporter importer, IReadOnlyList<string> paths, CancellationToken ct)
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
            }), ct);
        });
        return report!;
    }

    /// <summary>Uploads the files (walked here, as a local import would) to the server's POST /api/import, a batch at a time.</summary>
    private static async Task<int> ToServerAsync(string url, string? key, IReadOnlyList<string> paths, bool asJson, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
        {
            Console.Error.WriteLine($"policykb import: --server needs an http(s) address such as http://127.0.0.1:5080, not '{url}'");
            return ExitCodes.BadInput;
        }
        if (string.IsNullOrEmpty(key))
        {
            Console.Error.WriteLine("policykb import: --server needs the server's admin key: --api-key KEY or the POLICYKB_API_KEY environment variable");
            return ExitCodes.BadInput;
        }
        var walk = DocumentImporter.Walk(paths, new ImportOptions());
        var results = walk.Refusals(paths).ToList();
        if (asJson) results.ForEach(PrintJson);
        using var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromMinutes(10) };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        foreach (var batch in walk.Files.Chunk(FilesPerUpload))
        {
            using var form = new MultipartFormDataContent();
            foreach (var file in batch)
            {
                var content = new ByteArrayContent(await File.ReadAllBytesAsync(file, ct));
                content.Headers.ContentType = new MediaTypeHeaderValue(MediaType(file));
                form.Add(content, "files", Path.GetFileName(file));
            }
            HttpResponseMessage response;
            try { response = await http.PostAsync("api/import", form, ct); }
            catch (HttpRequestException e)
            {
                Console.Error.WriteLine($"policykb import: the server at {baseUri} cannot be reached: {e.Message}");
                return ExitCodes.Failure;
            }
            using (response)
            {
                if (!response.IsSuccessStatusCode)
                {
                    var problem = await response.Content.ReadAsStringAsync(ct);
                    Console.Error.WriteLine($"policykb import: the server refused the upload ({(int)response.StatusCode}): {ProblemDetail(problem)}");
                    return ExitCodes.Failure;
                }
                var report = await response.Content.ReadFromJsonAsync<ImportReport>(PolicyJson.Options, ct);
                foreach (var r in report?.Files ?? [])
                {
                    // The server knows an upload by its file name; the user knows it by the path given here.
                    var local = batch.FirstOrDefault(f => Path.GetFileName(f) == r.Path) ?? r.Path;
                    var result = r with { Path = local };
                    results.Add(result);
                    if (asJson) PrintJson(result);
                }
            }
        }
        var all = new ImportReport(results);
        if (!asJson) PrintSummary(all, baseUri.ToString());
        return all.AnySucceeded ? ExitCodes.Ok : ExitCodes.BadInput;
    }

    private static string MediaType(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".pdf" => "application/pdf",
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "text/html",
    };

    private static string ProblemDetail(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.TryGetProperty("detail", out var d) ? d.GetString() ?? body : body;
        }
        catch (JsonException) { return body.Length > 300 ? body[..300] : body; }
    }

    private static void PrintSummary(ImportReport report, string destination)
    {
        Console.WriteLine($"imported {report.Imported}, updated {report.Updated}, unchanged {report.Unchanged}, warned {report.Warned}, failed {report.Failed}  (index: {destination})");
        foreach (var f in report.Files.Where(f => f.Status == ImportStatus.Failed))
            Console.WriteLine($"  failed  {f.Path}: {f.Error}");
        foreach (var f in report.Files.Where(f => f.Status != ImportStatus.Failed && f.Warnings.Count > 0))
            Console.WriteLine($"  warning {f.Path}: {string.Join("; ", f.Warnings)}");
    }
}
