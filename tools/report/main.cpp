// report's entry point: the shared runner does the rest.
#include "report.hpp"
int main(int argc, char** argv) {
    return tend::run_main("report", argc, argv, report::main);
}
