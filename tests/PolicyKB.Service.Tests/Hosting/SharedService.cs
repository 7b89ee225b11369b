namespace PolicyKB.Service.Tests.Hosting;

/// <summary>One service over the samples for every read-only test of the assembly (importing the samples once).</summary>
[TestClass]
public static class SharedService
{
    private static RunningService? service;

    public static RunningService Instance => service ?? throw new InvalidOperationException("The shared service did not start.");

    [AssemblyInitialize]
    public static async Task StartAsync(TestContext _) => service = await RunningService.StartAsync();

    [AssemblyCleanup]
    public static async Task StopAsync()
    {
        if (service is not null) await service.DisposeAsync();
    }
}
