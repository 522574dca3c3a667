// boundary-log's entry point: the shared runner does the rest.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "boundary_log.hpp"
int main(int argc, char** argv) {
    return tend::run_main("boundary-log", argc, argv, boundary_log::main);
}
