// Entry point of the citizen page (designer/build.mjs builds it into
// designer/dist/citizen/), served at /tra-cuu and /tra-cuu/{code} with no
// sign-in: a search box for the dossier code, then where the dossier stands.

import './citizen.css';
import { CitizenPage } from './citizenPage.js';

new CitizenPage(document).start();
