// The simulator's help text.
namespace DeskPhone.Simulator;

/// <summary>What 'deskphone-sim help' prints.</summary>
public static class Usage
{
    /// <summary>The help text.</summary>
    public const string Text = """
deskphone-sim: simulated DeskPhone phones with a control API on 127.0.0.1

Run phones:
  deskphone-sim demo [--port 8080] [--seconds N]         the example office (examples/devices/*.json)
  deskphone-sim run DEVICE.json... [--port 8080] [--virtual-time] [--state DIR] [--seconds N] [--quiet] [--headless]
      --port 0 picks a free port; --virtual-time stops the clock until 'advance' moves it;
      --state DIR keeps each phone's files in DIR/ID (settings survive restarts);
      --headless serves the API only, without the view page

Drive them (all take --api URL, default $DESKPHONE_SIM or http://127.0.0.1:8080):
  deskphone-sim phones                                   list phones and their state
  deskphone-sim status PHONE
  deskphone-sim press PHONE KEY [--hold MS]              press and release (KEY: line1, 5, #, dnd, soft1, ...)
  deskphone-sim long-press PHONE KEY
  deskphone-sim down PHONE KEY | up PHONE KEY            raw key edges
  deskphone-sim hook PHONE off|on                        lift or hang up the handset
  deskphone-sim dial PHONE DIGITS
  deskphone-sim lamps PHONE                              every lamp: colour and cadence
  deskphone-sim screen PHONE [--png FILE [--scale N]]    the screen as text, or saved as PNG
  deskphone-sim art PHONE                                the screen drawn in the terminal
  deskphone-sim calls PHONE
  deskphone-sim mic PHONE FILE.wav                       feed a WAV into the microphone
  deskphone-sim speaker PHONE start | speaker PHONE save FILE.wav
  deskphone-sim advance MS                               move virtual time forward
  deskphone-sim log PHONE

""";
}
