using HarmonySim.Protocol.Consensus;
using HarmonySim.Simulation.Validators;

namespace HarmonySim.Simulation.Tests.Validators;

/// <summary>
/// The network's copy of each node replica's live timer tokens. Scripts are steps on node 1, replica 0 unless a
/// step says otherwise: "set:C:5" (kind initial: Consensus, ViewChange, Propose, Grace; token), "cancel:C",
/// "fire:C:5", "reset" (node 1, one replica), and "@node/replica" suffixes; the expected string is each fire's answer.
/// </summary>
[TestClass]
public sealed class TimerMirrorTests
{
    [TestMethod]
    [DataRow("fire:C:1", "F", DisplayName = "a timer never set is stale")]
    [DataRow("set:C:1 fire:C:1", "T", DisplayName = "the live token fires")]
    [DataRow("set:C:1 fire:C:1 fire:C:1", "TF", DisplayName = "a firing consumes its token")]
    [DataRow("set:C:1 set:C:2 fire:C:1 fire:C:2", "FT", DisplayName = "setting again replaces the token")]
    [DataRow("set:C:2 set:C:1 fire:C:2 fire:C:1", "FT", DisplayName = "the latest set wins, not the largest token")]
    [DataRow("set:C:1 cancel:C fire:C:1", "F", DisplayName = "a cancelled timer is stale")]
    [DataRow("cancel:C set:C:1 fire:C:1", "T", DisplayName = "cancelling nothing is harmless")]
    [DataRow("set:C:1 cancel:V fire:C:1", "T", DisplayName = "cancelling another kind leaves it")]
    [DataRow("set:C:1 set:V:2 fire:V:2 fire:C:1", "TT", DisplayName = "kinds are independent")]
    [DataRow("set:C:1 fire:V:1", "F", DisplayName = "the token of another kind does not fire")]
    [DataRow("set:C:1 fire:C:1@2/0", "F", DisplayName = "another node's timer is not this one")]
    [DataRow("set:C:1 fire:C:1@1/1 fire:C:1", "FT", DisplayName = "replicas are independent")]
    [DataRow("set:C:1 set:P:2@1/1 reset fire:C:1 fire:P:2@1/1", "FF", DisplayName = "a reset forgets every kind on both replicas")]
    [DataRow("set:C:1@2/0 reset fire:C:1@2/0", "T", DisplayName = "a reset forgets only its node")]
    [DataRow("set:G:7 reset set:G:1 fire:G:7 fire:G:1", "FT", DisplayName = "after a reset only the rebuilt node's tokens fire")]
    public void Fire_answers_as_the_nodes_tick_would(string script, string expected)
    {
        var mirror = new TimerMirror();
        var answers = "";
        foreach (var step in script.Split(' '))
        {
            var (body, node, replica) = step.Split('@') is [var b, var at] ? (b, int.Parse(at.Split('/')[0]), int.Parse(at.Split('/')[1])) : (step, 1, 0);
            var parts = body.Split(':');
            switch (parts[0])
            {
                case "set": mirror.Set(node, replica, Kind(parts[1]), long.Parse(parts[2])); break;
                case "cancel": mirror.Cancel(node, replica, Kind(parts[1])); break;
                case "fire": answers += mirror.Fire(node, replica, Kind(parts[1]), long.Parse(parts[2])) ? "T" : "F"; break;
                case "reset": mirror.Reset(node, 1); break;
                default: throw new ArgumentException(step);
            }
        }
        Assert.AreEqual(expected, answers);
    }

    private static TimerKind Kind(string initial) => initial switch
    {
        "C" => TimerKind.Consensus,
        "V" => TimerKind.ViewChange,
        "P" => TimerKind.Propose,
        "G" => TimerKind.CommitGrace,
        _ => throw new ArgumentException(initial),
    };
}
