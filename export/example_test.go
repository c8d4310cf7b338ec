package export_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/dossier-project/dossier/export"
)

func ExampleWriteTimeline() {
	events := []export.Event{
		{Date: "2017-10", Entity: "BSI", What: "BSI says: it has no evidence to support the US media reports",
			DocTitle: "Kaspersky says spying for Kremlin would kill our business"},
		{Date: "2017-10-24", Entity: "Eugene Kaspersky", What: "Eugene Kaspersky denies: his business helped the FSB",
			Evidence: "Mr Kaspersky denies his business helped the Russian Federal Security Service (FSB)."},
		{Entity: "Sky News", What: "media reports allege: the software was used by Russian intelligence"},
	}
	if err := export.WriteTimeline(os.Stdout, "text", events); err != nil {
		fmt.Println(err)
	}
	// Output:
	// 2017-10     BSI says: it has no evidence to support the US media reports
	//             Kaspersky says spying for Kremlin would kill our business
	// 2017-10-24  Eugene Kaspersky denies: his business helped the FSB
	//             > Mr Kaspersky denies his business helped the Russian Federal Security Service (FSB).
	//
	// Undated
	//             media reports allege: the software was used by Russian intelligence
}

// graph is a two-node Graph.
type graph struct{}

func (graph) Nodes(ctx context.Context, fn func(export.Node) error) error {
	for _, n := range []export.Node{
		{ID: "per/eugene-kaspersky", Label: "Eugene Kaspersky", Type: "Person"},
		{ID: "org/federal-security-service", Label: "FSB", Type: "Organization"},
	} {
		if err := fn(n); err != nil {
			return err
		}
	}
	return nil
}

func (graph) Edges(ctx context.Context, fn func(export.Edge) error) error {
	return fn(export.Edge{ID: "claim/1", Source: "per/eugene-kaspersky", Target: "org/federal-security-service",
		Kind: "claim", Label: "deny", Stance: "deny", Evidence: `He said: "we never helped the FSB".`})
}

func ExampleWriteFile() {
	dir, _ := os.MkdirTemp("", "export")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "graph.dot")
	f, _ := export.ByExtension(path)
	if err := export.WriteFile(context.Background(), path, f, graph{}, export.Options{}); err != nil {
		fmt.Println(err)
		return
	}
	b, _ := os.ReadFile(path)
	fmt.Print(string(b))
	// Output:
	// digraph "dossier" {
	//   graph [charset="UTF-8", rankdir=LR, overlap=false, fontname="DejaVu Sans"];
	//   node [shape=box, style="rounded,filled", fontname="DejaVu Sans", fontsize=11];
	//   edge [fontname="DejaVu Sans", fontsize=9];
	//   "per/eugene-kaspersky" [label="Eugene Kaspersky", fillcolor="#E41A1C", fontcolor="white", shape=ellipse, type="Person", mentions=0, documents=0];
	//   "org/federal-security-service" [label="FSB", fillcolor="#377EB8", fontcolor="white", type="Organization", mentions=0, documents=0];
	//   "per/eugene-kaspersky" -> "org/federal-security-service" [id="claim/1", color="#E41A1C", style=dashed, label="deny", tooltip="He said: \"we never helped the FSB\".", kind="claim", stance="deny", evidence="He said: \"we never helped the FSB\"."];
	// }
}
