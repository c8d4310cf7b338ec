package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

func TestPrecedence(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "d.yaml")
	if err := os.WriteFile(file, []byte("store: from-file\nworkers: 3\nextract:\n  ner: prose\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// File over defaults.
	v, err := New(file)
	if err != nil {
		t.Fatal(err)
	}
	c, err := Load(v)
	if err != nil {
		t.Fatal(err)
	}
	if c.Store != "from-file" || c.Workers != 3 || c.Extract.NER != "prose" || !c.Extract.Claims {
		t.Fatalf("file layer: %+v", c)
	}
	// Environment over file.
	t.Setenv("DOSSIER_STORE", "from-env")
	t.Setenv("DOSSIER_EXTRACT_NER", "dossier")
	v, _ = New(file)
	c, _ = Load(v)
	if c.Store != "from-env" || c.Extract.NER != "dossier" || c.Workers != 3 {
		t.Fatalf("env layer: %+v", c)
	}
	// Flags over environment, but only when set.
	fs := pflag.NewFlagSet("x", pflag.ContinueOnError)
	fs.String("store", "", "")
	fs.Int("workers", 0, "")
	if err := fs.Parse([]string{"--store", "from-flag"}); err != nil {
		t.Fatal(err)
	}
	v, _ = New(file)
	if err := v.BindPFlag("store", fs.Lookup("store")); err != nil {
		t.Fatal(err)
	}
	if err := v.BindPFlag("workers", fs.Lookup("workers")); err != nil {
		t.Fatal(err)
	}
	c, _ = Load(v)
	if c.Store != "from-flag" || c.Workers != 3 {
		t.Fatalf("flag layer: %+v", c)
	}
}

func TestValidate(t *testing.T) {
	c := Default()
	if err := c.Validate(); err != nil {
		t.Fatalf("defaults invalid: %v", err)
	}
	c.Extract.NER = "spacy"
	c.Workers = 0
	c.Store = " "
	c.Extract.Allegations = "learned"
	err := c.Validate()
	if err == nil {
		t.Fatal("want error")
	}
	for _, want := range []string{"extract.ner", "workers", "store", "extract.allegations"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %s", err, want)
		}
	}
}

func TestMissingConfigFile(t *testing.T) {
	_, err := New(filepath.Join(t.TempDir(), "nope.yaml"))
	if err == nil || !strings.Contains(err.Error(), "nope.yaml") {
		t.Fatalf("want error naming the file, got %v", err)
	}
}
