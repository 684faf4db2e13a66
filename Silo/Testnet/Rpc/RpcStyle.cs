namespace HarmonySim.Silo.Testnet.Rpc;

/// <summary>How a method family writes numbers: eth_ and hmy_ as 0x hex quantities, hmyv2_ as plain JSON numbers.</summary>
public enum RpcStyle
{
    Hex,
    Numbers,
}
