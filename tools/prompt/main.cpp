// prompt's entry point: the shared runner does the rest.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "prompt.hpp"
int main(int argc, char** argv) {
    return tend::run_main("prompt", argc, argv, prompt::main);
}
