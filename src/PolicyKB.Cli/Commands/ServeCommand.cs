using System.CommandLine;
using Microsoft.Extensions.Options;
using PolicyKB.Service;

namespace PolicyKB.Cli.Commands;

/// <summary>
/// `policykb serve [--urls URL] [--index DIR] [--samples DIR]`: the web page and the API. On a fresh clone the
/// index is empty, so the bundled samples/ are imported first.
/// </summary>
internal static class ServeCommand
{

    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = $"Where to listen (default {ServiceHost.DefaultUrl}; loopback only unless you say otherwise).", DefaultValueFactory = _ => ServiceHost.DefaultUrl };
        var index = CommonOptions.Index();
        var samples = new Option<string?>("--samples") { Description = "Folder imported when the index is empty (default ./samples when it exists)." };
        var command = new Command("serve", "Serve the search page and the HTTP API.") { urls, index, samples };
        command.TreatUnmatchedTokensAsErrors = false; // further --Section:Key=value pairs go to the host's configuration
        command.SetAction((parse, ct) => CommonOptions.GuardAsync(async () =>
        {
            var samplesDir = parse.GetValue(samples) ?? (Directory.Exists("samples") ? "samples" : null);
            if (samplesDir is not null && !Directory.Exists(samplesDir))
            {
                Console.Error.WriteLine($"policykb serve: no such samples folder: {samplesDir}");
                return ExitCodes.BadInput;
            }
            var hostArgs = new List<string> { "--urls", parse.GetValue(urls)! };
            hostArgs.AddRange(parse.UnmatchedTokens);
            var options = new ServiceOptions
            {
                IndexDirectory = CommonOptions.ResolveIndex(parse, index),
                SamplesDirectory = samplesDir is null ? null : Path.GetFullPath(samplesDir),
            };
            try
            {
                await using var app = ServiceHost.Build(hostArgs.ToArray(), options);
                // Ctrl+C and SIGTERM cancel ct: the host stops, commits and closes the index before the command returns.
                await Microsoft.Extensions.Hosting.HostingAbstractionsHostExtensions.RunAsync(app, ct);
                return ExitCodes.Ok;
            }
            catch (OptionsValidationException e)
            {
                // A bad configuration value stops start-up; its message names the key.
                Console.Error.WriteLine($"policykb serve: {e.Message}");
                return ExitCodes.BadInput;
            }
        }));
        return command;
    }
}
