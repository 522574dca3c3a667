// checkin's entry point: the shared runner does the rest.
#include "checkin.hpp"
int main(int argc, char** argv) {
    return tend::run_main("checkin", argc, argv, checkin::main);
}
