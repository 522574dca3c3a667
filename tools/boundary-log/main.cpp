// boundary-log's entry point: the shared runner does the rest.
#include "boundary_log.hpp"
int main(int argc, char** argv) {
    return tend::run_main("boundary-log", argc, argv, boundary_log::main);
}
