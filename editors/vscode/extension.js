// A thin client: VS Code starts `argmap lsp` for YAML files; the server answers only for
// debate files (those with a top-level `motion:`) and stays silent on other YAML.
const vscode = require("vscode");
const { LanguageClient, ExecuteCommandRequest } = require("vscode-languageclient/node");

let client;

async function activate(context) {
  const [command, ...args] = vscode.workspace
    .getConfiguration("argmap")
    .get("server.command", ["argmap", "lsp"]);
  client = new LanguageClient(
    "argmap",
    "argmap",
    { command, args }, // spawned directly: no shell reads the arguments
    { documentSelector: [{ scheme: "file", language: "yaml" }] }
  );
  context.subscriptions.push(
    vscode.commands.registerCommand("argmap.previewDebate", () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return;
      return client.sendRequest(ExecuteCommandRequest.type, {
        command: "argmap.preview",
        arguments: [editor.document.uri.toString()],
      });
    })
  );
  await client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
