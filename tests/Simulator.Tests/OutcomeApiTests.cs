// The control API's outcome routes: what the outcome screen offers, and a refusal when the phone asks for none.
using System.Net.Http.Json;

namespace DeskPhone.Simulator.Tests;

public class OutcomeApiTests
{
    [Fact]
    public async Task An_idle_phone_asks_for_no_outcome_and_choosing_one_is_refused_with_why()
    {
        await using var sim = await RunningSimulator.StartAsync();
        var state = await sim.Get("api/phones/reception-1/outcome");
        Assert.False(state.GetProperty("asking").GetBoolean());
        Assert.Equal(0, state.GetProperty("offered").GetArrayLength());

        var r = await sim.Http.PostAsJsonAsync("api/phones/reception-1/outcome", new { outcome = "reached" });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("the phone is not asking for an outcome", await r.Content.ReadAsStringAsync());
    }
}
