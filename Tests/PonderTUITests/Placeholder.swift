// PonderTUITests
