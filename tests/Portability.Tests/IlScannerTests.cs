using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace DeskPhone.Portability.Tests;

public class IlScannerTests : IClassFixture<FixtureAssembly>
{
    private readonly FixtureAssembly _fixture;

    public IlScannerTests(FixtureAssembly fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public void Opcode_table_knows_every_real_instruction_of_Reflection_Emit()
    {
        int real = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (OpCode)f.GetValue(null)!)
            .Count(o => o.OpCodeType != OpCodeType.Nternal);

        Assert.Equal(real, OpCodeTable.Count);
    }

    [Fact]
    public void Il_scanner_steps_over_a_switch_jump_table_to_the_call_after_it()
    {
        Assert.Contains("System.Math.Max", _fixture.ReferencesFrom("Clean.KeyPad", "Weight"));
    }

    [Fact]
    public void Il_scanner_reads_a_hand_made_body_with_one_and_two_byte_opcodes()
    {
        // ldarg.0; switch (2 targets); ldc.i4 0x0A000001 (not a token operand); call 0x0A000002; ldftn (FE 06) 0x06000003; ret
        byte[] il =
        {
            0x02,
            0x45, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
            0x20, 0x01, 0x00, 0x00, 0x0A,
            0x28, 0x02, 0x00, 0x00, 0x0A,
            0xFE, 0x06, 0x03, 0x00, 0x00, 0x06,
            0x2A,
        };

        List<IlInstruction> instructions = IlScanner.Scan(il).ToList();

        Assert.Equal(new[] { "ldarg.0", "switch", "ldc.i4", "call", "ldftn", "ret" }, instructions.Select(i => i.OpCode.Name));
        Assert.Equal(new[] { 0, 1, 14, 19, 24, 30 }, instructions.Select(i => i.Offset));
        Assert.Equal(
            new[] { 0x0A000002, 0x06000003 },
            IlScanner.Tokens(il).Select(t => System.Reflection.Metadata.Ecma335.MetadataTokens.GetToken(t)));
    }

    [Fact]
    public void Il_scanner_reads_every_method_body_of_the_fixture_assembly_to_its_end()
    {
        using FileStream stream = File.OpenRead(_fixture.Path);
        using var pe = new PEReader(stream);
        MetadataReader reader = pe.GetMetadataReader();
        int bodies = 0;
        foreach (MethodDefinitionHandle handle in reader.MethodDefinitions)
        {
            MethodDefinition method = reader.GetMethodDefinition(handle);
            if (method.RelativeVirtualAddress == 0)
            {
                continue;
            }
            byte[] il = pe.GetMethodBody(method.RelativeVirtualAddress).GetILBytes()!;
            IlInstruction last = IlScanner.Scan(il).Last();
            Assert.Equal(il.Length, last.Offset + last.OpCode.Size + OpCodeTable.OperandSize(last.OpCode, il, last.Offset + last.OpCode.Size));
            bodies++;
        }
        Assert.True(bodies > 10, "expected the fixture assembly to have method bodies, found " + bodies);
    }
}
