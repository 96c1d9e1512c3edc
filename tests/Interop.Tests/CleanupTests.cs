using DeskPhone.Softswitch;
// The harness leaves nothing running behind it.
using DeskPhone.Interop.Tests.Harness;

namespace DeskPhone.Interop.Tests;

public sealed class CleanupTests
{
    [Fact]
    public void No_kamailio_or_baresip_process_is_left_after_dispose()
    {
        var kamailio = new KamailioProcess().AddSubscriber("201", "reception-secret").Start();
        var phone = new BaresipProcess(kamailio, "201", "reception-secret").Start();
        var pids = new List<int> { kamailio.ProcessId, phone.ProcessId };
        pids.AddRange(ProcessReaper.Descendants(kamailio.ProcessId));
        pids.AddRange(ProcessReaper.Descendants(phone.ProcessId));
        var tempDir = kamailio.DatabaseDir;
        Assert.True(pids.Count > 3, $"expected Kamailio's workers among [{string.Join(", ", pids)}]");

        phone.Dispose();
        kamailio.Dispose();

        var alive = pids.Where(ProcessReaper.IsRunning).ToList();
        Assert.True(alive.Count == 0, $"still running: {string.Join(", ", alive)}");
        Assert.False(Directory.Exists(tempDir), "the db_text folder was not deleted");
    }
}
