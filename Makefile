# Ponder — build, run, test, benchmark, install.
# `make run` and `make test` work from a clean clone on a fresh Debian 12 machine (as root).

SHELL := /bin/bash
SWIFT ?= swift
PREFIX ?= /usr/local
DEBUG_BIN := .build/debug
DATA_HOME := $(or $(XDG_DATA_HOME),$(HOME)/.local/share)
ENGINE_DIR ?= $(DATA_HOME)/ponder/engine
export PONDER_ENGINE_DIR := $(ENGINE_DIR)
RELEASE_BIN := .build/release
APT_PACKAGES := libncurses-dev libsqlite3-dev libcmark-gfm-dev libcmark-gfm-extensions-dev tmux python3-venv
FORMAT_PATHS := Package.swift Sources Tests Benchmarks

.PHONY: all deps engine build run test lint format bench install record-snapshots clean

all: build

deps:
	@scripts/install-deps.sh $(APT_PACKAGES)

engine: deps
	@scripts/install-engine.sh "$(ENGINE_DIR)"

build: deps
	$(SWIFT) build

run: build engine
	$(DEBUG_BIN)/ponder

lint:
	$(SWIFT) format lint --strict --recursive --parallel $(FORMAT_PATHS)

format:
	$(SWIFT) format --in-place --recursive --parallel $(FORMAT_PATHS)

test: deps engine lint
	$(SWIFT) build --build-tests
	PONDER_BUILD_DIR=$(CURDIR)/$(DEBUG_BIN) $(SWIFT) test --skip-build

record-snapshots: deps
	$(SWIFT) build --build-tests
	PONDER_RECORD_SNAPSHOTS=1 PONDER_BUILD_DIR=$(CURDIR)/$(DEBUG_BIN) $(SWIFT) test --skip-build --filter Snapshot || true
	@echo "Snapshots recorded under Tests/*/__Snapshots__; review them with git diff."

bench: deps engine
	$(SWIFT) build -c release --product ponder-bench
	$(SWIFT) build -c release --product ponder
	PONDER_BUILD_DIR=$(CURDIR)/$(RELEASE_BIN) $(RELEASE_BIN)/ponder-bench

install: deps
	$(SWIFT) build -c release --product ponder
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 $(RELEASE_BIN)/ponder $(DESTDIR)$(PREFIX)/bin/ponder

clean:
	rm -rf .build
