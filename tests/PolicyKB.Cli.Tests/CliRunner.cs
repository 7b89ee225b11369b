using System.Diagnostics;

namespace PolicyKB.Cli.Tests;

/// <summary>Runs the real `policykb` program (policykb.dll beside the tests) as a child process, as a user would.</summary>
internal static class CliRunner
{
    public sealed record Run(int ExitCode, string Out, string Err);

    public static Run Policykb(params string[] args) => Policykb(args, workingDirectory: null);

    public static Run Policykb(string[] args, string? workingDirectory)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "policykb.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment.Remove("POLICYKB_INDEX");
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"policykb {string.Join(' ', args)} did not finish in 2 minutes");
        }
        return new Run(p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The repository's samples/ folder, found by walking up from the test binaries.</summary>
    public static string SamplesDirectory()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
        {
            var s = Path.Combine(d.FullName, "samples");
            if (Directory.Exists(s) && File.Exists(Path.Combine(d.FullName, "PolicyKB.sln"))) return s;
        }
        throw new DirectoryNotFoundException("samples/ not found above " + AppContext.BaseDirectory);
    }

    public static string TempDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "policykb-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
