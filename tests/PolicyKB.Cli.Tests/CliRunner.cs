using System.Diagnostics;

namespace PolicyKB.Cli.Tests;

/// <summary>Runs the real `policykb` program (policykb.dll beside the tests) as a child process, as a user would.</summary>
internal static class CliRunner
{
    public sealed record Run(int ExitCode, string Out, string Err);

    public static Run Policykb(params string[] args) => Policykb(args, workingDirectory: null);

    public static Run Policykb(string[] args, string? workingDirectory)
    {
        using var p = Process.Start(StartInfo(args, workingDirectory))!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"policykb {string.Join(' ', args)} did not finish in 2 minutes");
        }
        return new Run(p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Starts `policykb` in the background (a server, a long import), its output gathered as it comes.</summary>
    public static Background Start(params string[] args) => new(Process.Start(StartInfo(args, null))!, args);

    public sealed class Background : IDisposable
    {
        private readonly System.Text.StringBuilder _out = new(), _err = new();
        private readonly string[] _args;

        public Process Process { get; }

        internal Background(Process process, string[] args)
        {
            Process = process;
            _args = args;
            process.OutputDataReceived += (_, e) => { lock (_out) _out.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { lock (_err) _err.AppendLine(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public string Out { get { lock (_out) return _out.ToString(); } }
        public string Err { get { lock (_err) return _err.ToString(); } }

        /// <summary>Waits for the process to end by itself.</summary>
        public Run Wait(TimeSpan timeout)
        {
            if (!Process.WaitForExit(timeout))
            {
                Process.Kill(entireProcessTree: true);
                Assert.Fail($"policykb {string.Join(' ', _args)} did not finish in {timeout}\n{Out}\n{Err}");
            }
            Process.WaitForExit();
            return new Run(Process.ExitCode, Out, Err);
        }

        /// <summary>Asks the process to stop as Ctrl+C or a service manager would (SIGTERM), and waits for it.</summary>
        public Run Stop()
        {
            using (var kill = Process.Start("kill", ["-TERM", Process.Id.ToString(CultureInfo.InvariantCulture)])) kill.WaitForExit();
            return Wait(TimeSpan.FromSeconds(60));
        }

        public void Dispose()
        {
            if (!Process.HasExited) Process.Kill(entireProcessTree: true);
            Process.Dispose();
        }
    }

    private static ProcessStartInfo StartInfo(string[] args, string? workingDirectory)
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
        psi.Environment.Remove("POLICYKB_API_KEY");
        return psi;
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
