using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace DeskPhone.Portability.Tests;

/// <summary>One IL instruction: where it is, what it is, and the metadata token it names (if any).</summary>
public readonly struct IlInstruction
{
    public IlInstruction(int offset, OpCode opCode, EntityHandle token)
    {
        Offset = offset;
        OpCode = opCode;
        Token = token;
    }

    public int Offset { get; }

    public OpCode OpCode { get; }

    /// <summary>The operand token for field/method/type/token/signature operands, otherwise a nil handle.</summary>
    public EntityHandle Token { get; }

    public override string ToString() => $"IL_{Offset:x4}: {OpCode.Name}";
}

/// <summary>Walks a method body's IL, instruction by instruction, using <see cref="OpCodeTable"/>.</summary>
public static class IlScanner
{
    public static IEnumerable<IlInstruction> Scan(byte[] il)
    {
        int offset = 0;
        while (offset < il.Length)
        {
            if (!OpCodeTable.TryRead(il, offset, out OpCode opCode))
            {
                throw new InvalidDataException($"IL_{offset:x4}: unknown opcode 0x{il[offset]:x2}");
            }
            int operandOffset = offset + opCode.Size;
            EntityHandle token = default;
            if (OpCodeTable.HasMetadataToken(opCode))
            {
                token = MetadataTokens.EntityHandle(BitConverter.ToInt32(il, operandOffset));
            }
            yield return new IlInstruction(offset, opCode, token);
            offset = operandOffset + OpCodeTable.OperandSize(opCode, il, operandOffset);
        }
    }

    /// <summary>The metadata tokens a method body refers to, in IL order.</summary>
    public static IEnumerable<EntityHandle> Tokens(byte[] il) =>
        Scan(il).Where(i => !i.Token.IsNil).Select(i => i.Token);
}
