using System.Diagnostics;
using System.Text;

namespace PolicyKB.Reliability.Tests.Infrastructure;

/// <summary>The real `policykb` program (policykb.dll, copied beside the tests by the project reference) as a child process.</summary>
internal sealed class Policykb : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();

    private Policykb(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stderr) _stderr.AppendLine(e.Data); };
        _process.BeginErrorReadLine();
    }

    public static Policykb Start(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "policykb.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment.Remove("POLICYKB_INDEX");
        return new Policykb(Process.Start(psi)!);
    }

    /// <summary>Runs to the end and returns the exit code and output; fails the test when it takes longer than <paramref name="timeout"/>.</summary>
    public static (int ExitCode, IReadOnlyList<string> Lines, string Errors) Run(TimeSpan timeout, params string[] args)
    {
        using var p = Start(args);
        var lines = new List<string>();
        var reading = Task.Run(() => { for (var l = p.ReadLine(); l is not null; l = p.ReadLine()) lines.Add(l); });
        if (!reading.Wait(timeout) || !p._process.WaitForExit(timeout))
        {
            p.Kill();
            Assert.Fail($"policykb {string.Join(' ', args)} did not finish in {timeout.TotalSeconds:0} s. Errors: {p.Errors}");
        }
        p._process.WaitForExit();
        return (p._process.ExitCode, lines, p.Errors);
    }

    public string? ReadLine() => _process.StandardOutput.ReadLine();

    public string Errors { get { lock (_stderr) return _stderr.ToString(); } }

    /// <summary>SIGKILL: no finally blocks, no disposal, no flush, as a power cut or the OOM killer.</summary>
    public void Kill()
    {
        try { _process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { /* already ended */ }
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
